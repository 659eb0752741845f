/** The enrollment center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { enrollmentCenter } from './routes.js';
