/** The collection center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { collectionCenter } from './routes.js';
