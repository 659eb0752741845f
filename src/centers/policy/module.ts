/** The policy center as the platform composes it (routes, start, demo data); other centers use index.ts. */
export { policyCenter } from './routes.js';
