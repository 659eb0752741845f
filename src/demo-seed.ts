import { NATIONAL_SCOPE } from './kernel/actor/index.js';
import type { AppContext } from './kernel/context.js';
import { makeCreditCode, makeIdNumber } from './kernel/validation/identifiers.js';
import * as auth from './centers/auth/index.js';
import * as user from './centers/user/index.js';
import * as policy from './centers/policy/index.js';
import * as registry from './centers/registry/index.js';
import * as enrollment from './centers/enrollment/index.js';
import * as collection from './centers/collection/index.js';

/** Demo credentials, printed at start in development; never seeded in production. */
export const DEMO = {
  adminPassword: 'Admin@12345',
  personPassword: 'Demo@12345',
  systemAdmin: 'sysadmin',
  provinceAdmin: 'province_admin',
  cityAdmin: 'nanyang_admin',
  clerk: 'nanyang_clerk',
  person: { name: '张医保', idNumber: makeIdNumber('411302', '1990-01-01', 123), phone: '13800000001' },
  unit: { name: '南阳示范科技有限公司', creditCode: makeCreditCode('91411300MA0000001'), agent: { name: '李经办', idNumber: makeIdNumber('411302', '1985-05-05', 456), phone: '13800000002' } },
} as const;

/** Written under DATA_DIR by `npm start` when it runs the fake providers: the platform's URL and the fake wallet's. */
export const DEV_PROVIDERS_FILE = 'dev-providers.json';

/** 卧龙区: where the demo person and unit are registered and insured */
export const DEMO_INSURED_REGION = '411303';
/** 职工基本医疗保险: the demo person's medical insurance, settled by 南阳's illustrative settlement policy */
export const DEMO_MEDICAL_INSURANCE = '310';

export const DEMO_ORGS = {
  national: { id: 'org_national', parentId: null, name: '国家医疗保障局', level: 'national', regionCode: '000000' },
  henan: { id: 'org_henan', parentId: 'org_national', name: '河南省医疗保障局', level: 'province', regionCode: '410000' },
  zhengzhou: { id: 'org_zhengzhou', parentId: 'org_henan', name: '郑州市医疗保障局', level: 'city', regionCode: '410100' },
  nanyang: { id: 'org_nanyang', parentId: 'org_henan', name: '南阳市医疗保障局', level: 'city', regionCode: '411300' },
  nanyangAgency: { id: 'org_nanyang_wancheng', parentId: 'org_nanyang', name: '南阳市宛城区医保经办中心', level: 'agency', regionCode: '411302' },
} as const;

export const BUILT_IN_ROLES = {
  orgAdmin: { id: 'role_org_admin', code: 'org_admin', name: '机构管理员', kind: 'admin', orgId: 'org_national', permissions: [...auth.ADMIN_PERMISSIONS] },
  clerk: {
    id: 'role_agency_clerk',
    code: 'agency_clerk',
    name: '经办人员',
    kind: 'business',
    orgId: 'org_national',
    permissions: [
      auth.PERMISSIONS.accountsRead,
      auth.PERMISSIONS.piiRead,
      auth.PERMISSIONS.orgsRead,
      // 基本信息: a clerk keeps the records of their region; deciding conflict cases is for admins
      auth.PERMISSIONS.registryRead,
      auth.PERMISSIONS.registryManage,
      // 参保: a clerk handles the enrollments of their region
      auth.PERMISSIONS.enrollmentRead,
      auth.PERMISSIONS.enrollmentManage,
      auth.PERMISSIONS.enrollmentReview,
      // 征缴: receivable runs, files, payments and reconciliation of their region
      auth.PERMISSIONS.collectionRead,
      auth.PERMISSIONS.collectionManage,
      // 电子凭证: the risk flags of their region's vouchers
      auth.PERMISSIONS.voucherRiskRead,
      // 结算: what institutions claimed that the catalog contradicts
      auth.PERMISSIONS.settlementRiskRead,
      // 移动支付: the daily channel reconciliation of their region's institutions
      auth.PERMISSIONS.paymentReconcile,
    ],
  },
} as const;

/** Regions, an agency, admins at each level, a clerk, a person, a unit and the long-term-care policy of 南阳; idempotent. */
export async function seedDemo(ctx: AppContext, options: { insured?: boolean } = {}): Promise<boolean> {
  await auth.syncResources(ctx);
  for (const org of Object.values(DEMO_ORGS)) await auth.ensureOrg(ctx, org);
  for (const role of Object.values(BUILT_IN_ROLES)) await auth.ensureRole(ctx, { ...role, permissions: [...role.permissions] });
  // Policy first: a database seeded by an older version still gets the long-term-care example.
  await policy.seedPolicyDemo(ctx);
  // 定点医药机构 of 南阳, before the early return too: the demo hospital's channel app is bound to one.
  await registry.seedInstitutionsDemo(ctx);
  if (await user.findAccountByLoginName(ctx, DEMO.provinceAdmin)) return false;

  const staff = async (loginName: string, name: string, phone: string, orgKey: keyof typeof DEMO_ORGS, roleId: string, kind: 'admin' | 'agency_staff' = 'admin') => {
    const org = (await auth.getOrg(ctx, DEMO_ORGS[orgKey].id))!;
    const account = await user.createAccount(ctx, { kind, loginName, name, phone, password: DEMO.adminPassword, orgId: org.id, orgPath: org.path });
    await auth.ensureGrant(ctx, account.id, roleId);
  };
  await staff(DEMO.systemAdmin, '系统管理员', '13900000000', 'national', BUILT_IN_ROLES.orgAdmin.id);
  await staff(DEMO.provinceAdmin, '河南省管理员', '13900000001', 'henan', BUILT_IN_ROLES.orgAdmin.id);
  await staff(DEMO.cityAdmin, '南阳市管理员', '13900000002', 'nanyang', BUILT_IN_ROLES.orgAdmin.id);
  await staff(DEMO.clerk, '王经办', '13900000003', 'nanyangAgency', BUILT_IN_ROLES.clerk.id, 'agency_staff');
  const person = await user.createAccount(ctx, { kind: 'person', ...DEMO.person, password: DEMO.personPassword });
  const unit = await user.createUnitWithAgent(ctx, { unitName: DEMO.unit.name, creditCode: DEMO.unit.creditCode, agent: { ...DEMO.unit.agent, password: DEMO.personPassword } });
  if (options.insured !== false) await seedInsuranceDemo(ctx, { personAccountId: person.id, agentAccountId: unit.account.id });
  return true;
}

/**
 * The DOMAIN.md long-term-care example as live data: the person and the unit registered (the agent
 * as the unit's legal representative), both accounts real-name verified as if they had done it, the
 * unit enrolled in 长期护理保险 from 2019-01 with the person on a 2,000.00 base, and the receivable
 * run of 2019-01 queued (personal 2.00, unit 4.00), so the personal and unit halls show something;
 * and in 职工基本医疗保险, so the person's voucher pays a visit at the demo hospital.
 * They live in 卧龙区 (411303); the clerks and admins of 南阳 see them. Test servers leave them out
 * (`SEED_DEMO_INSURED=false`), so a test's 南阳 holds only what the test put there.
 */
async function seedInsuranceDemo(ctx: AppContext, accounts: { personAccountId: string; agentAccountId: string }) {
  const seeder = { id: 'system:demo-seed', kind: 'system' };
  const clerk = { accountId: 'system:demo-seed', scope: NATIONAL_SCOPE };
  const regionCode = DEMO_INSURED_REGION;
  const { person } = await registry.registerPerson(ctx, seeder, { idNumber: DEMO.person.idNumber, name: DEMO.person.name, phone: DEMO.person.phone, regionCode, category: 'employee' });
  await registry.registerPerson(ctx, seeder, { idNumber: DEMO.unit.agent.idNumber, name: DEMO.unit.agent.name, phone: DEMO.unit.agent.phone, regionCode, category: 'employee' });
  const entity = await registry.registerEntity(ctx, seeder, {
    creditCode: DEMO.unit.creditCode,
    name: DEMO.unit.name,
    type: 'enterprise',
    regionCode,
    legalRepName: DEMO.unit.agent.name,
    legalRepIdNumber: DEMO.unit.agent.idNumber,
  });
  await user.raiseAuthLevel(ctx, accounts.personAccountId, 2);
  await user.raiseAuthLevel(ctx, accounts.agentAccountId, 2);
  const unitEnrollment = await enrollment.enrollUnit(ctx, clerk, { entityId: entity.id, insuranceType: policy.DEMO_POLICY.insuranceType, fromMonth: policy.DEMO_POLICY.effectiveFrom });
  const employee = await enrollment.addEmployee(ctx, clerk, unitEnrollment.id, { personId: person.id, fromMonth: policy.DEMO_POLICY.effectiveFrom });
  await enrollment.declareWage(ctx, clerk, employee.id, { year: policy.DEMO_POLICY.wage.year, monthlyWageFen: 200_000 });
  // Employee medical insurance too, so the voucher settles a visit under 南阳's settlement policy (`npm run demo:hospital`).
  const medical = await enrollment.enrollUnit(ctx, clerk, { entityId: entity.id, insuranceType: DEMO_MEDICAL_INSURANCE, fromMonth: policy.DEMO_POLICY.effectiveFrom });
  await enrollment.addEmployee(ctx, clerk, medical.id, { personId: person.id, fromMonth: policy.DEMO_POLICY.effectiveFrom });
  await collection.startRun(ctx, clerk, { month: policy.DEMO_POLICY.effectiveFrom, regionCode, insuranceType: policy.DEMO_POLICY.insuranceType });
}

export function demoCredentials(): string {
  return [
    `  系统管理员 system admin     ${DEMO.systemAdmin} / ${DEMO.adminPassword}`,
    `  省级管理员 province admin   ${DEMO.provinceAdmin} / ${DEMO.adminPassword}`,
    `  市级管理员 city admin       ${DEMO.cityAdmin} / ${DEMO.adminPassword}`,
    `  经办人员 agency clerk       ${DEMO.clerk} / ${DEMO.adminPassword}`,
    `  参保人 insured person       ${DEMO.person.idNumber} (or ${DEMO.person.phone}) / ${DEMO.personPassword}`,
    `  单位经办人 unit agent        ${DEMO.unit.agent.phone} / ${DEMO.personPassword}  (unit ${DEMO.unit.creditCode})`,
  ].join('\n');
}
