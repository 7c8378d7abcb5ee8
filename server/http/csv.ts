/**
 * One CSV cell. Text a spreadsheet would read as a formula (starting with = + - @, or a tab or
 * carriage return before one) is prefixed with an apostrophe, so an exported appeal cannot run
 * anything when opened in Excel.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
