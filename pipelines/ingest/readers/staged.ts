/** What a reader leaves behind: temp tables `staged` (headers + __row) and `staged_errors`. */
export interface Staged {
  headers: string[];
  /** Row number of the header (1 unless title rows sit above it). */
  headerRow: number;
  /**
   * Set when the rows are read in place from the file (`staged_rows`, file order, no __row yet)
   * rather than copied into a table: typing numbers them from its own order. It stages the file
   * the thorough way, with DuckDB's rejects, for files with rows DuckDB cannot split.
   */
  restage?: () => Promise<Staged>;
}
