/** The voucher center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { voucherCenter } from './routes.js';
