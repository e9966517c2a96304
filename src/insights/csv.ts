/*
 * CSV as RFC 4180 writes it, for spreadsheets: CRLF line ends, a field quoted when it holds a
 * quote, a comma, CR or LF, quotes doubled; UTF-8 with a byte order mark, without which Excel
 * reads the file as the system's code page and garbles accents and other scripts (ADR 0042).
 *
 * Text that members wrote (titles, names) may start with a character a spreadsheet reads as a
 * formula (`=`, `+`, `-`, `@`, tab, CR): such a cell gets a leading `'`, which spreadsheets show as
 * text, so opening an export never runs a formula a member planted (OWASP "CSV Injection";
 * docs/security.md). Numbers are written by the app and are never guarded.
 */

export type Cell = string | number | null;

/** A cell of text someone else wrote: guarded against formula injection. */
export class MemberText {
  constructor(readonly text: string) {}
}

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export const BYTE_ORDER_MARK = '\uFEFF';

export function guardFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

function field(cell: Cell | MemberText): string {
  if (cell === null) return '';
  const text = cell instanceof MemberText ? guardFormula(cell.text) : String(cell);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: the byte order mark, the header row, then the rows, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (Cell | MemberText)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `${BYTE_ORDER_MARK}${lines.map((line) => `${line}\r\n`).join('')}`;
}

/** A duration as whole minutes (rounded to the nearest), or an empty cell for none. */
export function minutes(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 60_000);
}
