/**
 * Text templates with `{slot}` placeholders, split once into literal parts and slot names so that
 * rendering hundreds of thousands of texts is a loop of string appends.
 */
export class Template {
  readonly parts: string[];
  /** Odd indexes of `parts` are slot names, even ones literal text. */
  readonly startsWithWho: boolean;
  readonly length: number;

  constructor(readonly source: string) {
    this.parts = source.split(/\{([A-Za-z0-9]+)\}/);
    this.startsWithWho = this.parts[0] === '' && this.parts[1] === 'who';
    this.length = source.length;
  }

  has(slot: string): boolean {
    for (let i = 1; i < this.parts.length; i += 2) if (this.parts[i] === slot) return true;
    return false;
  }

  render(fill: (slot: string) => string): string {
    const p = this.parts;
    let out = p[0];
    for (let i = 1; i < p.length; i += 2) out += fill(p[i]) + p[i + 1];
    return out;
  }
}

export function compile(sources: readonly string[]): Template[] {
  return sources.map((s) => new Template(s));
}
