/**
 * CSV as Dutch spreadsheet users open it: semicolon-separated (Excel with Dutch regional settings
 * splits on ';', since ',' is the decimal separator), CRLF line ends (RFC 4180), UTF-8 with a byte
 * order mark so Excel does not read the text as Windows-1252, and a header row.
 */
const BOM = '\uFEFF';

function field(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'number' ? String(value).replace('.', ',') : String(value);
  // A cell starting like a formula would be run by the spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const lines = [columns.map(field).join(';'), ...rows.map((r) => columns.map((c) => field(r[c])).join(';'))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
