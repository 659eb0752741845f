/**
 * The pages of the signed-in area and who sees them. Admin pages show when the account holds one
 * of the permission codes of the API they call (from GET /auth/me/permissions), or when the
 * server's menu tree names their path.
 */
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CalculatorOutlined,
  DiffOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  MailOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  MedicineBoxOutlined,
  PayCircleOutlined,
  ProfileOutlined,
  QrcodeOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { MessageKey } from './i18n';
import type { Me, MenuNode } from './session';

/** side menu groups, in their order */
export const NAV_GROUPS = ['personal', 'unit', 'registry', 'enrollment', 'collection', 'policy', 'message', 'admin'] as const;
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
  icon: ComponentType;
  /** kept in the 长辈版's short menu; the rest go under 更多 */
  essential?: boolean;
}

const isPerson = (me: Me) => me.kind === 'person';
const isUnitAgent = (me: Me) => me.kind === 'unit_agent';

export const NAV_PAGES: NavPage[] = [
  { key: 'home', path: '/home', label: 'menu.home', icon: HomeOutlined, essential: true },
  { key: 'profile', path: '/profile', label: 'menu.profile', icon: UserOutlined, essential: true },
  { key: 'history', path: '/history', label: 'menu.history', icon: HistoryOutlined },
  { key: 'agents', path: '/agents', label: 'menu.agents', visible: isUnitAgent, icon: TeamOutlined },
  // the personal hall (个人网厅) and the unit hall (单位网厅): the account's kind decides
  { key: 'personalApply', path: '/personal/applications', label: 'menu.personalApply', group: 'personal', visible: isPerson, icon: FormOutlined, essential: true },
  { key: 'personalEnrollment', path: '/personal/enrollment', label: 'menu.personalEnrollment', group: 'personal', visible: isPerson, icon: SafetyCertificateOutlined, essential: true },
  { key: 'personalAccount', path: '/personal/account', label: 'menu.personalAccount', group: 'personal', visible: isPerson, icon: WalletOutlined },
  { key: 'personalContributions', path: '/personal/contributions', label: 'menu.personalContributions', group: 'personal', visible: isPerson, icon: AccountBookOutlined },
  { key: 'personalStatement', path: '/personal/statement', label: 'menu.personalStatement', group: 'personal', visible: isPerson, icon: FileTextOutlined },
  { key: 'personalBenefits', path: '/personal/benefits', label: 'menu.personalBenefits', group: 'personal', visible: isPerson, icon: MedicineBoxOutlined, essential: true },
  { key: 'personalPayments', path: '/personal/payments', label: 'menu.personalPayments', group: 'personal', visible: isPerson, icon: PayCircleOutlined, essential: true },
  { key: 'personalBills', path: '/personal/bills', label: 'menu.personalBills', group: 'personal', visible: isPerson, icon: FileDoneOutlined, essential: true },
  { key: 'voucher', path: '/personal/voucher', label: 'menu.voucher', group: 'personal', visible: isPerson, icon: QrcodeOutlined, essential: true },
  { key: 'unitInfo', path: '/unit/info', label: 'menu.unitInfo', group: 'unit', visible: isUnitAgent, icon: BankOutlined, essential: true },
  { key: 'unitEmployees', path: '/unit/employees', label: 'menu.unitEmployees', group: 'unit', visible: isUnitAgent, icon: TeamOutlined, essential: true },
  { key: 'unitBills', path: '/unit/bills', label: 'menu.unitBills', group: 'unit', visible: isUnitAgent, icon: FileDoneOutlined, essential: true },
  // 站内信: every signed-in account has an inbox (the header's bell opens it); among the account's own
  // pages in the menu, after the hall's everyday pages in the 长辈版's short one
  { key: 'messages', path: '/messages', label: 'menu.messages', icon: BellOutlined, essential: true },
  // permission codes: src/centers/auth/resources.ts (PERMISSIONS); the paths are the menus' paths there
  { key: 'registry', path: '/admin/registry', label: 'menu.registry', group: 'registry', permissions: ['registry.read'], icon: IdcardOutlined },
  { key: 'entities', path: '/admin/registry/entities', label: 'menu.entities', group: 'registry', permissions: ['registry.read'], icon: BankOutlined },
  { key: 'conflicts', path: '/admin/registry/conflicts', label: 'menu.conflicts', group: 'registry', permissions: ['registry.read'], icon: DiffOutlined },
  { key: 'institutions', path: '/admin/registry/institutions', label: 'menu.institutions', group: 'registry', permissions: ['registry.read'], icon: MedicineBoxOutlined },
  { key: 'reviewApplications', path: '/admin/enrollment/applications', label: 'menu.reviewApplications', group: 'enrollment', permissions: ['enrollment.review'], icon: AuditOutlined },
  { key: 'collectionRuns', path: '/admin/collection/runs', label: 'menu.collectionRuns', group: 'collection', permissions: ['collection.read'], icon: CalculatorOutlined },
  { key: 'collectionBills', path: '/admin/collection/bills', label: 'menu.collectionBills', group: 'collection', permissions: ['collection.read'], icon: FileDoneOutlined },
  { key: 'collectionPayments', path: '/admin/collection/payments', label: 'menu.collectionPayments', group: 'collection', permissions: ['collection.read'], icon: PayCircleOutlined },
  { key: 'collectionReconciliation', path: '/admin/collection/reconciliation', label: 'menu.collectionReconciliation', group: 'collection', permissions: ['collection.read'], icon: ReconciliationOutlined },
  { key: 'voucherRisk', path: '/admin/voucher/risk', label: 'menu.voucherRisk', group: 'enrollment', permissions: ['voucher.risk.read'], icon: AlertOutlined },
  { key: 'settlementRisk', path: '/admin/settlement/risk', label: 'menu.settlementRisk', group: 'collection', permissions: ['settlement.risk.read'], icon: AlertOutlined },
  { key: 'paymentReconciliation', path: '/admin/payment/reconciliation', label: 'menu.paymentReconciliation', group: 'collection', permissions: ['payment.reconcile'], icon: ReconciliationOutlined },
  { key: 'policy', path: '/admin/policy', label: 'menu.policy', group: 'policy', permissions: ['policy.read'], icon: ProfileOutlined },
  // 消息管理 the message center's console (src/centers/auth/resources.ts: message.*)
  { key: 'messageLog', path: '/admin/message/log', label: 'menu.messageLog', group: 'message', permissions: ['message.read'], icon: OrderedListOutlined },
  { key: 'messageStats', path: '/admin/message/stats', label: 'menu.messageStats', group: 'message', permissions: ['message.read'], icon: BarChartOutlined },
  { key: 'messageTemplates', path: '/admin/message/templates', label: 'menu.messageTemplates', group: 'message', permissions: ['message.read'], icon: MailOutlined },
  { key: 'messageRules', path: '/admin/message/rules', label: 'menu.messageRules', group: 'message', permissions: ['message.read'], icon: NodeIndexOutlined },
  { key: 'orgs', path: '/admin/orgs', label: 'menu.orgs', group: 'admin', permissions: ['auth.orgs.read'], icon: ApartmentOutlined },
  { key: 'accounts', path: '/admin/accounts', label: 'menu.accounts', group: 'admin', permissions: ['user.accounts.read'], icon: UserSwitchOutlined },
  { key: 'roles', path: '/admin/roles', label: 'menu.roles', group: 'admin', permissions: ['auth.roles.read'], icon: SafetyOutlined },
  { key: 'grants', path: '/admin/grants', label: 'menu.grants', group: 'admin', permissions: ['auth.grants.manage'], icon: KeyOutlined },
  { key: 'channels', path: '/admin/channels', label: 'menu.channels', group: 'admin', permissions: ['auth.channels.manage'], icon: ApiOutlined },
  { key: 'audit', path: '/admin/audit', label: 'menu.audit', group: 'admin', permissions: ['audit.read'], icon: FileSearchOutlined },
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
