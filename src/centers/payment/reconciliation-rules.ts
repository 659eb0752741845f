/**
 * 对账规则 the comparison of the channel's statement (对账单) with the platform's records of a day.
 * Payments are keyed by the platform's order id (the channel's `outTradeNo`), refunds by the
 * channel's refund id; the channel only ever sees the cash part, so that is what is compared.
 */

/** 对账结果类别 match 一致, amount_mismatch 金额不符, missing_on_platform 平台无记录（渠道有）, missing_at_channel 渠道无记录（平台有） */
export const RECONCILIATION_KINDS = ['match', 'amount_mismatch', 'missing_on_platform', 'missing_at_channel'] as const;
export type ReconciliationKind = (typeof RECONCILIATION_KINDS)[number];

/** confirmed 确认无误, book_on_platform 平台补记, refund_payer 原路退回, channel_adjust 渠道调账, write_off 核销 */
export const RESOLUTIONS = ['confirmed', 'book_on_platform', 'refund_payer', 'channel_adjust', 'write_off'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type RecordType = 'pay' | 'refund';

/** 对账单行 one line of the channel's statement. */
export interface StatementRow {
  type: RecordType;
  outTradeNo: string;
  /** 渠道交易号 / 渠道退款号 */
  channelRef: string;
  amountFen: number;
}

/** What the platform holds of one payment or refund: the cash part the channel should show. */
export interface PlatformRecord {
  type: RecordType;
  orderId: string;
  /** the platform's refund id (refunds only) */
  refundId: string | null;
  /** the channel's refund id the platform stored (refunds), or null */
  channelRef: string | null;
  cashFen: number;
  institutionCode: string;
  /** whether it belongs to the day (a record looked up only because the statement names it does not) */
  ofTheDay: boolean;
  /** a payment the platform does not count as paid (failed, closed, …): the channel's line is then missing on the platform */
  settled: boolean;
}

export interface ComparedItem {
  kind: ReconciliationKind;
  type: RecordType;
  /** unique within a (date, channel) report: what a re-run recognizes a resolved item by */
  key: string;
  orderId: string;
  refundId: string | null;
  channelRef: string | null;
  institutionCode: string | null;
  platformFen: number | null;
  channelFen: number | null;
}

const HEADER = '交易时间,商户订单号,渠道交易号,类型,金额(分)';

/** Parses the statement CSV; a line it cannot read is an error (a statement is never half-read). */
export function parseStatement(csv: string): { ok: true; rows: StatementRow[] } | { ok: false; line: number } {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0 || lines[0].trim() !== HEADER) return { ok: false, line: 1 };
  const rows: StatementRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(',').map((c) => c.trim());
    const amount = Number(cells[4]);
    if (cells.length !== 5 || !cells[1] || !cells[2] || (cells[3] !== 'PAY' && cells[3] !== 'REFUND') || !/^-?\d+$/.test(cells[4] ?? '') || !Number.isSafeInteger(amount)) {
      return { ok: false, line: i + 1 };
    }
    rows.push({ type: cells[3] === 'PAY' ? 'pay' : 'refund', outTradeNo: cells[1], channelRef: cells[2], amountFen: amount });
  }
  return { ok: true, rows };
}

/** 机构所在区划 the region of a designated institution's code (`H` + 6-digit region + serial), or null. */
export const regionOfInstitution = (code: string | null) => (code && /^H\d{6}/.test(code) ? code.slice(1, 7) : null);

/**
 * Compares the statement with the platform's records: every statement line and every record of
 * the day ends in exactly one item. A statement line whose payment the platform holds but does not
 * count as paid is missing on the platform (the channel took money the platform does not know of).
 */
export function compareStatement(statement: StatementRow[], platform: PlatformRecord[]): ComparedItem[] {
  const payments = new Map(platform.filter((p) => p.type === 'pay').map((p) => [p.orderId, p]));
  const refunds = new Map(platform.filter((p) => p.type === 'refund' && p.channelRef).map((p) => [p.channelRef!, p]));
  const seen = new Set<PlatformRecord>();
  const items: ComparedItem[] = [];
  // Several lines of one payment (a channel duplicate) add up, as the money does.
  const lines = new Map<string, StatementRow>();
  for (const row of statement) {
    const key = row.type === 'pay' ? `pay:${row.outTradeNo}` : `refund:${row.channelRef}`;
    const earlier = lines.get(key);
    lines.set(key, earlier ? { ...earlier, amountFen: earlier.amountFen + row.amountFen } : row);
  }
  for (const [key, row] of lines) {
    const record = row.type === 'pay' ? payments.get(row.outTradeNo) : refunds.get(row.channelRef);
    if (record) seen.add(record);
    const known = record && (record.type === 'refund' || record.settled);
    const kind: ReconciliationKind = !known ? 'missing_on_platform' : record.cashFen === row.amountFen ? 'match' : 'amount_mismatch';
    items.push({
      kind,
      type: row.type,
      key,
      orderId: row.outTradeNo,
      refundId: record?.refundId ?? null,
      channelRef: row.channelRef,
      institutionCode: record?.institutionCode ?? platform.find((p) => p.orderId === row.outTradeNo)?.institutionCode ?? null,
      platformFen: known ? record.cashFen : null,
      channelFen: row.amountFen,
    });
  }
  for (const record of platform) {
    if (seen.has(record) || !record.ofTheDay || !record.settled || record.cashFen === 0) continue;
    items.push({
      kind: 'missing_at_channel',
      type: record.type,
      key: record.type === 'pay' ? `pay:${record.orderId}` : `refund:${record.channelRef ?? record.refundId}`,
      orderId: record.orderId,
      refundId: record.refundId,
      channelRef: record.channelRef,
      institutionCode: record.institutionCode,
      platformFen: record.cashFen,
      channelFen: null,
    });
  }
  return items;
}

/**
 * Whether a webhook host names this machine or a private network (loopback, RFC 1918, link-local,
 * unique-local IPv6): the platform would be POSTing into its own network on an institution's say-so.
 * Names are resolved and their addresses checked by `public-lookup.ts`.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '0.0.0.0' || host === '::' || host === '::1') return true;
  const v4 = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return /^(fc|fd|fe8|fe9|fea|feb)/.test(host) || host.startsWith('::ffff:');
  return false;
}
