/** 渠道能力 the capability an institution's system needs to create, read and refund payment orders (registered in the auth center). */
export const PAYMENT_CAPABILITY = 'payment.order';
