/** The bill center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { billCenter } from './routes.js';
