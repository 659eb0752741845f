/** The personal center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { personalCenter } from './routes.js';
