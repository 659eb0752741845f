/**
 * The pages of the signed-in area and who sees them. Admin pages show when the account holds one
 * of the permission codes of the API they call (from GET /auth/me/permissions), or when the
 * server's menu tree names their path.
 */
import type { MessageKey } from './i18n';
import type { Me, MenuNode } from './session';

/** side menu groups, in their order */
export const NAV_GROUPS = ['personal', 'unit', 'registry', 'enrollment', 'collection', 'policy', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavPage {
  key: string;
  path: string;
  label: MessageKey;
  /** the side menu's group (none: the account's own pages at the top) */
  group?: NavGroup;
  /** any of these permission codes makes the page visible */
  permissions?: string[];
  visible?: (me: Me) => boolean;
}

const isPerson = (me: Me) => me.kind === 'person';
const isUnitAgent = (me: Me) => me.kind === 'unit_agent';

export const NAV_PAGES: NavPage[] = [
  { key: 'profile', path: '/profile', label: 'menu.profile' },
  { key: 'history', path: '/history', label: 'menu.history' },
  { key: 'agents', path: '/agents', label: 'menu.agents', visible: isUnitAgent },
  // the personal hall (个人网厅) and the unit hall (单位网厅): the account's kind decides
  { key: 'personalApply', path: '/personal/applications', label: 'menu.personalApply', group: 'personal', visible: isPerson },
  { key: 'personalEnrollment', path: '/personal/enrollment', label: 'menu.personalEnrollment', group: 'personal', visible: isPerson },
  { key: 'personalAccount', path: '/personal/account', label: 'menu.personalAccount', group: 'personal', visible: isPerson },
  { key: 'personalContributions', path: '/personal/contributions', label: 'menu.personalContributions', group: 'personal', visible: isPerson },
  { key: 'personalStatement', path: '/personal/statement', label: 'menu.personalStatement', group: 'personal', visible: isPerson },
  { key: 'personalBenefits', path: '/personal/benefits', label: 'menu.personalBenefits', group: 'personal', visible: isPerson },
  { key: 'personalPayments', path: '/personal/payments', label: 'menu.personalPayments', group: 'personal', visible: isPerson },
  { key: 'personalBills', path: '/personal/bills', label: 'menu.personalBills', group: 'personal', visible: isPerson },
  { key: 'voucher', path: '/personal/voucher', label: 'menu.voucher', group: 'personal', visible: isPerson },
  { key: 'unitInfo', path: '/unit/info', label: 'menu.unitInfo', group: 'unit', visible: isUnitAgent },
  { key: 'unitEmployees', path: '/unit/employees', label: 'menu.unitEmployees', group: 'unit', visible: isUnitAgent },
  { key: 'unitBills', path: '/unit/bills', label: 'menu.unitBills', group: 'unit', visible: isUnitAgent },
  // permission codes: src/centers/auth/resources.ts (PERMISSIONS); the paths are the menus' paths there
  { key: 'registry', path: '/admin/registry', label: 'menu.registry', group: 'registry', permissions: ['registry.read'] },
  { key: 'entities', path: '/admin/registry/entities', label: 'menu.entities', group: 'registry', permissions: ['registry.read'] },
  { key: 'conflicts', path: '/admin/registry/conflicts', label: 'menu.conflicts', group: 'registry', permissions: ['registry.read'] },
  { key: 'institutions', path: '/admin/registry/institutions', label: 'menu.institutions', group: 'registry', permissions: ['registry.read'] },
  { key: 'reviewApplications', path: '/admin/enrollment/applications', label: 'menu.reviewApplications', group: 'enrollment', permissions: ['enrollment.review'] },
  { key: 'collectionRuns', path: '/admin/collection/runs', label: 'menu.collectionRuns', group: 'collection', permissions: ['collection.read'] },
  { key: 'collectionBills', path: '/admin/collection/bills', label: 'menu.collectionBills', group: 'collection', permissions: ['collection.read'] },
  { key: 'collectionPayments', path: '/admin/collection/payments', label: 'menu.collectionPayments', group: 'collection', permissions: ['collection.read'] },
  { key: 'collectionReconciliation', path: '/admin/collection/reconciliation', label: 'menu.collectionReconciliation', group: 'collection', permissions: ['collection.read'] },
  { key: 'voucherRisk', path: '/admin/voucher/risk', label: 'menu.voucherRisk', group: 'enrollment', permissions: ['voucher.risk.read'] },
  { key: 'settlementRisk', path: '/admin/settlement/risk', label: 'menu.settlementRisk', group: 'collection', permissions: ['settlement.risk.read'] },
  { key: 'paymentReconciliation', path: '/admin/payment/reconciliation', label: 'menu.paymentReconciliation', group: 'collection', permissions: ['payment.reconcile'] },
  { key: 'policy', path: '/admin/policy', label: 'menu.policy', group: 'policy', permissions: ['policy.read'] },
  { key: 'orgs', path: '/admin/orgs', label: 'menu.orgs', group: 'admin', permissions: ['auth.orgs.read'] },
  { key: 'accounts', path: '/admin/accounts', label: 'menu.accounts', group: 'admin', permissions: ['user.accounts.read'] },
  { key: 'roles', path: '/admin/roles', label: 'menu.roles', group: 'admin', permissions: ['auth.roles.read'] },
  { key: 'grants', path: '/admin/grants', label: 'menu.grants', group: 'admin', permissions: ['auth.grants.manage'] },
  { key: 'channels', path: '/admin/channels', label: 'menu.channels', group: 'admin', permissions: ['auth.channels.manage'] },
  { key: 'audit', path: '/admin/audit', label: 'menu.audit', group: 'admin', permissions: ['audit.read'] },
];

function menuPaths(menus: MenuNode[], out = new Set<string>()): Set<string> {
  for (const m of menus) {
    if (m.path) out.add(m.path.replace(/^#/, ''));
    if (m.children?.length) menuPaths(m.children, out);
  }
  return out;
}

export function visiblePages(me: Me | null, permissions: ReadonlySet<string>, menus: MenuNode[]): NavPage[] {
  if (!me) return [];
  const paths = menuPaths(menus);
  return NAV_PAGES.filter((p) => {
    if (p.visible && !p.visible(me)) return false;
    if (!p.permissions) return true;
    return p.permissions.some((code) => permissions.has(code)) || paths.has(p.path);
  });
}
