/** Colour of each dispute-score part, by its place in the display order the server sends them in. */
const COLORS = ['#1f5fa8', '#d9822b', '#2a9d6b', '#b5394e', '#7a5cb8', '#8c6d3f', '#4aa3c7', '#c4a000', '#5e8c31', '#a0522d', '#9a9a9a'];

export function partColor(index: number): string {
  return COLORS[index % COLORS.length];
}
