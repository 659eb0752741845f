/** The user center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { userCenter } from './routes.js';
