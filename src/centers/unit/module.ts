/** The unit center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { unitCenter } from './routes.js';
