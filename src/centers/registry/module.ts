/** The registry center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { registryCenter } from './routes.js';
