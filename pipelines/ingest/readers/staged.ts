/** What a reader leaves behind: temp tables `staged` (headers + __row) and `staged_errors`. */
export interface Staged {
  headers: string[];
  /** Row number of the header (1 unless title rows sit above it). */
  headerRow: number;
}
