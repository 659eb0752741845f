/** The settlement center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { settlementCenter } from './routes.js';
