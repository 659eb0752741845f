/** 渠道能力 the capabilities the bill routes ask of channel apps (registered in the auth center). */
export const BILL_CAPABILITIES = { issue: 'bill.issue', read: 'bill.read', markUsed: 'bill.mark_used' } as const;
