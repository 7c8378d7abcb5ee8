// SQL assembled in TypeScript is limited to names and literals DuckDB cannot take as parameters:
// file paths in read_csv/ATTACH, columns named by a file's headers, attached databases.

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
