/** The auth center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { authCenter } from './routes.js';
