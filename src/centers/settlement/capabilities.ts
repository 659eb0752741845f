/** 渠道能力 the capability an institution's system needs to pre-settle, settle and reverse (registered in the auth center). */
export const SETTLE_CAPABILITY = 'settlement.settle';
