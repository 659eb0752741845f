/**
 * 资源目录 the platform's resources: subsystem → menu → button → API permission code. Routes
 * declare the API codes; roles hold them; the UI builds its menu from them.
 */
export interface ResourceDef {
  code: string;
  parentCode: string | null;
  kind: 'subsystem' | 'menu' | 'button' | 'api';
  name: string;
  nameEn: string;
  path: string | null;
  sort: number;
}

const r = (code: string, parentCode: string | null, kind: ResourceDef['kind'], name: string, nameEn: string, path: string | null = null, sort = 0): ResourceDef => ({
  code,
  parentCode,
  kind,
  name,
  nameEn,
  path,
  sort,
});

export const PERMISSIONS = {
  orgsRead: 'auth.orgs.read',
  orgsManage: 'auth.orgs.manage',
  accountsRead: 'user.accounts.read',
  accountsManage: 'user.accounts.manage',
  piiRead: 'user.pii.read',
  rolesRead: 'auth.roles.read',
  rolesManage: 'auth.roles.manage',
  grantsManage: 'auth.grants.manage',
  channelsManage: 'auth.channels.manage',
  auditRead: 'audit.read',
  // 政策中心 policy center
  policyRead: 'policy.read',
  policyManage: 'policy.manage',
  policyReview: 'policy.review',
  // 基本信息 registry center
  registryRead: 'registry.read',
  registryManage: 'registry.manage',
  registryConflictsResolve: 'registry.conflicts.resolve',
  // 参保中心 enrollment center
  enrollmentRead: 'enrollment.read',
  enrollmentManage: 'enrollment.manage',
  enrollmentReview: 'enrollment.review',
  // 征缴中心 collection center
  collectionRead: 'collection.read',
  collectionManage: 'collection.manage',
  // 电子凭证中心 e-voucher center
  voucherRiskRead: 'voucher.risk.read',
  settlementRiskRead: 'settlement.risk.read',
  // 移动支付中心 payment center
  paymentReconcile: 'payment.reconcile',
  // 业务分析 analysis center
  analysisRead: 'analysis.read',
  // 消息中心 message center
  messageRead: 'message.read',
  messageManage: 'message.manage',
  messageSend: 'message.send',
} as const;

export const RESOURCES: ResourceDef[] = [
  r('sys', null, 'subsystem', '系统管理', 'Administration', null, 1),
  r('sys.orgs', 'sys', 'menu', '组织机构', 'Organizations', '/admin/orgs', 1),
  r(PERMISSIONS.orgsRead, 'sys.orgs', 'api', '查看组织机构', 'View organizations'),
  r('sys.orgs.create', 'sys.orgs', 'button', '新增机构', 'Add organization'),
  r(PERMISSIONS.orgsManage, 'sys.orgs.create', 'api', '管理组织机构', 'Manage organizations'),
  r('sys.accounts', 'sys', 'menu', '账号管理', 'Accounts', '/admin/accounts', 2),
  r(PERMISSIONS.accountsRead, 'sys.accounts', 'api', '查看账号', 'View accounts'),
  r('sys.accounts.create', 'sys.accounts', 'button', '新增账号 / 锁定', 'Create / lock accounts'),
  r(PERMISSIONS.accountsManage, 'sys.accounts.create', 'api', '管理账号', 'Manage accounts'),
  r(PERMISSIONS.piiRead, 'sys.accounts', 'api', '查看完整身份信息', 'Read unmasked personal data'),
  r('sys.roles', 'sys', 'menu', '角色管理', 'Roles', '/admin/roles', 3),
  r(PERMISSIONS.rolesRead, 'sys.roles', 'api', '查看角色', 'View roles'),
  r('sys.roles.create', 'sys.roles', 'button', '新增角色', 'Create role'),
  r(PERMISSIONS.rolesManage, 'sys.roles.create', 'api', '管理角色', 'Manage roles'),
  r('sys.grants', 'sys', 'menu', '授权管理', 'Grants', '/admin/grants', 4),
  r(PERMISSIONS.grantsManage, 'sys.grants', 'api', '授予与收回角色', 'Grant and revoke roles'),
  r('sys.channels', 'sys', 'menu', '渠道应用', 'Channel apps', '/admin/channels', 5),
  r(PERMISSIONS.channelsManage, 'sys.channels', 'api', '管理渠道应用', 'Manage channel apps'),
  r('sys.audit', 'sys', 'menu', '审计日志', 'Audit log', '/admin/audit', 6),
  r(PERMISSIONS.auditRead, 'sys.audit', 'api', '查看审计日志', 'Read the audit log'),
  // 政策管理 policy center
  r('policy', null, 'subsystem', '政策管理', 'Policy', null, 2),
  r('policy.params', 'policy', 'menu', '政策参数', 'Policy parameters', '/admin/policy', 1),
  r(PERMISSIONS.policyRead, 'policy.params', 'api', '查看政策参数', 'View policy parameters'),
  r('policy.params.draft', 'policy.params', 'button', '编制 / 作废', 'Draft / void'),
  r(PERMISSIONS.policyManage, 'policy.params.draft', 'api', '编制与作废政策参数', 'Draft and void policy parameters'),
  r('policy.params.review', 'policy.params', 'button', '审核 / 发布', 'Review / publish'),
  r(PERMISSIONS.policyReview, 'policy.params.review', 'api', '审核与发布政策参数', 'Review and publish policy parameters'),
  // 基本信息 registry center
  r('registry', null, 'subsystem', '基本信息', 'Registry', null, 3),
  r('registry.records', 'registry', 'menu', '自然人与法人', 'Persons and legal entities', '/admin/registry', 1),
  r(PERMISSIONS.registryRead, 'registry.records', 'api', '查看基本信息', 'View persons and legal entities'),
  r('registry.records.edit', 'registry.records', 'button', '新增 / 变更 / 注销 / 批量导入', 'Register / change / cancel / import'),
  r(PERMISSIONS.registryManage, 'registry.records.edit', 'api', '维护基本信息', 'Maintain persons and legal entities'),
  // 法人: read and maintained under the registry's own permissions; 单位参保登记 there needs enrollment.manage
  r('registry.entities', 'registry', 'menu', '法人', 'Legal entities', '/admin/registry/entities', 2),
  r('registry.conflicts', 'registry', 'menu', '信息会商', 'Conflict cases', '/admin/registry/conflicts', 2),
  r(PERMISSIONS.registryConflictsResolve, 'registry.conflicts', 'api', '处理会商', 'Decide conflict cases'),
  // 定点医药机构: read and maintained under the registry's own permissions
  r('registry.institutions', 'registry', 'menu', '定点医药机构', 'Designated institutions', '/admin/registry/institutions', 3),
  // 参保中心 enrollment center
  r('enrollment', null, 'subsystem', '参保管理', 'Enrollment', null, 4),
  r('enrollment.records', 'enrollment', 'menu', '单位与职工参保', 'Unit and employee enrollment', '/admin/enrollment', 1),
  r(PERMISSIONS.enrollmentRead, 'enrollment.records', 'api', '查看参保信息', 'View enrollments'),
  r('enrollment.records.edit', 'enrollment.records', 'button', '参保 / 增减员 / 基数申报 / 身份变更', 'Enroll / add / remove / declare wages / change identity'),
  r(PERMISSIONS.enrollmentManage, 'enrollment.records.edit', 'api', '办理参保业务', 'Handle enrollments'),
  r('enrollment.applications', 'enrollment', 'menu', '参保申请审核', 'Enrollment applications', '/admin/enrollment/applications', 2),
  r('enrollment.applications.review', 'enrollment.applications', 'button', '审核通过 / 不予通过', 'Approve / reject'),
  r(PERMISSIONS.enrollmentReview, 'enrollment.applications.review', 'api', '审核个人参保申请', 'Review persons’ enrollment applications'),
  // 征缴中心 collection center
  r('collection', null, 'subsystem', '征缴管理', 'Collection', null, 5),
  r('collection.runs', 'collection', 'menu', '应收核定', 'Receivable runs', '/admin/collection/runs', 1),
  r(PERMISSIONS.collectionRead, 'collection.runs', 'api', '查看征缴信息', 'View receivables, bills, payments and reconciliations'),
  r('collection.runs.start', 'collection.runs', 'button', '发起核定', 'Start a run'),
  r('collection.bills', 'collection', 'menu', '单位缴费单', 'Unit bills', '/admin/collection/bills', 2),
  r('collection.payments', 'collection', 'menu', '到账与文件', 'Payments and files', '/admin/collection/payments', 3),
  r('collection.payments.files', 'collection.payments', 'button', '征收模式 / 导入 / 导出', 'Collection mode / import / export'),
  r('collection.reconciliation', 'collection', 'menu', '对账', 'Reconciliation', '/admin/collection/reconciliation', 4),
  r('collection.reconciliation.resolve', 'collection.reconciliation', 'button', '对账 / 处理差异', 'Reconcile / resolve'),
  r(PERMISSIONS.collectionManage, 'collection.runs.start', 'api', '办理征缴业务', 'Handle collection: runs, modes, files, reconciliation'),
  // 结算中心 settlement center
  r('settlement', null, 'subsystem', '结算管理', 'Settlement', null, 6),
  r('settlement.risk', 'settlement', 'menu', '结算风险事件', 'Settlement risk events', '/admin/settlement/risk', 1),
  r(PERMISSIONS.settlementRiskRead, 'settlement.risk', 'api', '查看结算风险事件', 'View settlement risk events (claims the catalog contradicts)'),
  // 电子凭证中心 e-voucher center
  r('voucher', null, 'subsystem', '电子凭证', 'E-voucher', null, 7),
  r('voucher.risk', 'voucher', 'menu', '凭证风险事件', 'Voucher risk events', '/admin/voucher/risk', 1),
  r(PERMISSIONS.voucherRiskRead, 'voucher.risk', 'api', '查看凭证风险事件', 'View e-voucher risk events'),
  // 移动支付中心 payment center
  r('payment', null, 'subsystem', '移动支付', 'Mobile payment', null, 8),
  r('payment.reconciliation', 'payment', 'menu', '支付对账', 'Payment reconciliation', '/admin/payment/reconciliation', 1),
  r(PERMISSIONS.paymentReconcile, 'payment.reconciliation', 'api', '支付对账与差异处理', 'Reconcile channel statements and decide differences'),
  // 业务分析 analysis center: the month's charts on the home page
  r('analysis', null, 'subsystem', '业务分析', 'Analysis', null, 9),
  r('analysis.overview', 'analysis', 'menu', '月度概览', 'Month overview', '/home', 1),
  r(PERMISSIONS.analysisRead, 'analysis.overview', 'api', '查看本辖区月度统计', 'View the month’s figures of your regions'),
  // 消息中心 message center: templates, push rules, the log and its figures
  r('message', null, 'subsystem', '消息管理', 'Messages', null, 10),
  r('message.log', 'message', 'menu', '消息日志', 'Message log', '/admin/message/log', 1),
  r(PERMISSIONS.messageRead, 'message.log', 'api', '查看消息日志、模板与规则', 'View the message log, templates and rules'),
  r('message.stats', 'message', 'menu', '发送统计', 'Delivery figures', '/admin/message/stats', 2),
  r('message.templates', 'message', 'menu', '消息模板', 'Templates', '/admin/message/templates', 3),
  r('message.rules', 'message', 'menu', '推送规则', 'Push rules', '/admin/message/rules', 4),
  r('message.templates.edit', 'message.templates', 'button', '新建模板 / 新版本 / 规则', 'New template / version / rule'),
  r(PERMISSIONS.messageManage, 'message.templates.edit', 'api', '维护消息模板与推送规则', 'Maintain templates and push rules'),
  r('message.log.send', 'message.log', 'button', '发送通知', 'Send a notice'),
  r(PERMISSIONS.messageSend, 'message.log.send', 'api', '向本辖区人员发送通知', 'Send notices to persons of your regions'),
];

/** Everything an org administrator holds; the built-in admin roles carry this set. */
export const ADMIN_PERMISSIONS = Object.values(PERMISSIONS);
