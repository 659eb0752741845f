/**
 * 导出: a list as the user filtered it, every page of it, as a CSV file Excel opens (UTF-8 with a
 * BOM). A column says what it exports (`exportAs`, e.g. yuan from fen, a name for a code); without
 * it the raw value; a column whose title is not text, or keyed `actions`, is left out.
 */
import type { TableColumnType } from 'antd';

/** the record's value at a column's dataIndex (a key or a path of keys) */
export function valueAt<T>(record: T, path: TableColumnType<T>['dataIndex']): unknown {
  if (Array.isArray(path)) return path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k as string], record);
  return path !== undefined ? (record as Record<string, unknown>)[path as string] : undefined;
}

/** a column of a list page, with how it is written in an export */
export type ExportColumn<T> = TableColumnType<T> & { exportAs?: (record: T) => string | number | null | undefined };

/** the most rows one export reads: beyond it, the page asks to narrow the filters */
export const EXPORT_MAX_ROWS = 5_000;
const PAGE = 100;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // a leading = + - @ would run as a formula in a spreadsheet (CSV injection)
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv<T>(columns: ExportColumn<T>[], rows: T[]): string {
  const shown = columns.filter((c) => typeof c.title === 'string' && !c.hidden && c.key !== 'actions');
  const lines = [shown.map((c) => cell(c.title)).join(',')];
  for (const r of rows) lines.push(shown.map((c) => cell(c.exportAs ? c.exportAs(r) : valueAt(r, c.dataIndex))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** reads every page (up to EXPORT_MAX_ROWS); `tooMany` when the list is longer */
export async function readAll<T>(fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>): Promise<{ rows: T[]; tooMany: boolean }> {
  const first = await fetchPage(1, PAGE);
  if (first.total > EXPORT_MAX_ROWS) return { rows: [], tooMany: true };
  const rows = [...first.items];
  for (let page = 2; rows.length < first.total; page++) {
    const next = await fetchPage(page, PAGE);
    if (!next.items.length) break;
    rows.push(...next.items);
  }
  return { rows, tooMany: false };
}
