/**
 * Demo data of the registry: the designated institutions (定点医药机构) of 南阳 the demo hospital and
 * the tests settle at. Their legal entities carry valid credit codes but are not registered as
 * entities, so a test's 南阳 holds no unit it did not put there.
 */
import type { AppContext } from '../../kernel/context.js';
import { makeCreditCode } from '../../kernel/validation/identifiers.js';
import type { InstitutionRecord } from './institution-rules.js';
import { institutions } from './schema.js';

/** 定点医药机构 of 南阳 (宛城区 411302, 卧龙区 411303); names are illustrative. */
export const DEMO_INSTITUTIONS = [
  {
    // the demo hospital (scripts/demo-hospital.ts, scripts/domain-visit.ts INSTITUTION)
    code: 'H41130200746',
    name: '南阳市第一人民医院',
    kind: 'general_hospital',
    creditCode: makeCreditCode('12411300417540001'),
    regionCode: '411302',
    level: 2,
    agreementStatus: 'active',
    agreementFrom: '2020-01-01',
    agreementTo: '2030-12-31',
    address: '河南省南阳市宛城区人民路 12 号',
  },
  {
    code: 'H41130200003',
    name: '南阳市中心医院',
    kind: 'general_hospital',
    creditCode: makeCreditCode('12411300417540002'),
    regionCode: '411302',
    level: 3,
    agreementStatus: 'active',
    agreementFrom: '2020-01-01',
    agreementTo: '2030-12-31',
    address: '河南省南阳市宛城区工业南路 312 号',
  },
  {
    code: 'H41130300521',
    name: '南阳市卧龙区仁和诊所',
    kind: 'clinic',
    creditCode: makeCreditCode('92411303MA40000R5'),
    regionCode: '411303',
    level: 0,
    agreementStatus: 'active',
    agreementFrom: '2022-07-01',
    agreementTo: '2027-06-30',
    address: '河南省南阳市卧龙区车站路 88 号',
  },
  {
    code: 'P41130200001',
    name: '南阳市宛城区康民大药房',
    kind: 'retail_pharmacy',
    creditCode: makeCreditCode('91411302MA4000002'),
    regionCode: '411302',
    level: 0,
    agreementStatus: 'active',
    agreementFrom: '2021-01-01',
    agreementTo: '2030-12-31',
    address: '河南省南阳市宛城区中州路 56 号',
  },
] as const satisfies readonly InstitutionRecord[];

/** Seeds the demo institutions; idempotent (a code on file, maybe changed by a clerk since, is kept). */
export async function seedInstitutionsDemo(ctx: Pick<AppContext, 'database'>): Promise<void> {
  await ctx.database.db
    .insert(institutions)
    .values(DEMO_INSTITUTIONS.map((i) => ({ ...i })))
    .onConflictDoNothing({ target: institutions.code });
}
