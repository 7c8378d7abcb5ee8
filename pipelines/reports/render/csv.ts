/**
 * One CSV cell. Text a spreadsheet would read as a formula (starting with = + - @, or a tab or
 * carriage return before one) is prefixed with an apostrophe, so an exported appeal cannot run
 * anything when opened in Excel. A plain signed number (a longitude, -73.95) runs nothing and stays
 * as it is, so an exported row can be imported again.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[+-]\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
