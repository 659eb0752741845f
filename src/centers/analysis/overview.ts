/**
 * 月度概览 the month at a glance for an administrator: enrollments, settlements, voucher activations
 * by day and the receivables due against received, each from the center that holds it (through its
 * index.ts), within the caller's regions.
 */
import type { RegionScope } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { beijingMonth } from '../../kernel/db/days.js';
import * as collection from '../collection/index.js';
import * as enrollment from '../enrollment/index.js';
import * as settlement from '../settlement/index.js';
import * as voucher from '../voucher/index.js';
import type { MonthOverview } from './contract.js';

export async function monthOverview(ctx: AppContext, scope: RegionScope, month: string): Promise<MonthOverview> {
  const window = beijingMonth(month);
  const [enrollments, settlements, activations, receivables] = await Promise.all([
    enrollment.enrollmentsByDay(ctx, scope, window),
    settlement.settlementsByDay(ctx, scope, window),
    voucher.activationsByDay(ctx, scope, window),
    collection.dueAndReceived(ctx, scope, month),
  ]);
  return { month, regionPrefix: scope.prefix, days: window.days, enrollments, settlements, activations, receivables };
}
