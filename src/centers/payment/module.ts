/** The payment center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { paymentCenter } from './routes.js';
