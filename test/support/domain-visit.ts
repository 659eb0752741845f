/** DOMAIN.md's illustrative visit, for the tests: it lives beside the demo script that sends it too. */
export { DOMAIN_LINES, FEE_CODES, INSTITUTION } from '../../scripts/domain-visit.js';
