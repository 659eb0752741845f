/**
 * 消息偏好 what an account chose to receive: every category is on until switched off; a mandatory one
 * (安全提醒) cannot be. Quiet hours are the platform's, shown so a person knows why a text waits.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { PreferencesView } from './contract.js';
import { CATEGORIES, MANDATORY_CATEGORIES, type Category } from './rules.js';
import { optOuts } from './schema.js';

/** 类别名称 */
export const CATEGORY_NAMES: Record<Category, { zh: string; en: string }> = {
  security: { zh: '安全提醒', en: 'Security alerts' },
  payment: { zh: '支付与退款', en: 'Payments and refunds' },
  bill: { zh: '电子票据', en: 'E-bills' },
  application: { zh: '业务办理进度', en: 'Applications' },
  collection: { zh: '缴费通知', en: 'Contribution bills' },
  service: { zh: '咨询与办件', en: 'Consultations and cases' },
  notice: { zh: '通知公告', en: 'Notices' },
};

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export async function preferences(ctx: AppContext, accountId: string): Promise<PreferencesView> {
  const off = new Set((await ctx.database.db.select({ category: optOuts.category }).from(optOuts).where(eq(optOuts.accountId, accountId))).map((r) => r.category));
  const { startHour, endHour } = ctx.config.message.quietHours;
  return {
    categories: CATEGORIES.map((category) => ({
      category,
      nameZh: CATEGORY_NAMES[category].zh,
      nameEn: CATEGORY_NAMES[category].en,
      mandatory: MANDATORY_CATEGORIES.includes(category),
      enabled: MANDATORY_CATEGORIES.includes(category) || !off.has(category),
    })),
    quietHours: { start: hhmm(startHour), end: hhmm(endHour) },
  };
}

/** Switches categories on or off; an unknown category is a 400, a mandatory one switched off a 422, each naming it. */
export async function setPreferences(ctx: AppContext, accountId: string, input: { categories: Partial<Record<string, boolean>> }): Promise<PreferencesView> {
  const changes = Object.entries(input.categories).filter((entry): entry is [string, boolean] => entry[1] !== undefined);
  for (const [category, enabled] of changes) {
    if (!(CATEGORIES as readonly string[]).includes(category)) throw new DomainError('message.category_unknown', 'invalid', { category }, `categories/${category}`);
    if (!enabled && MANDATORY_CATEGORIES.includes(category as Category)) throw new DomainError('message.category_mandatory', 'unprocessable', { category }, `categories/${category}`);
  }
  const off = changes.filter(([, enabled]) => !enabled).map(([c]) => c as Category);
  const on = changes.filter(([, enabled]) => enabled).map(([c]) => c as Category);
  await transaction(ctx.database.db, async (tx) => {
    if (off.length) await tx.insert(optOuts).values(off.map((category) => ({ accountId, category }))).onConflictDoNothing();
    if (on.length) await tx.delete(optOuts).where(and(eq(optOuts.accountId, accountId), inArray(optOuts.category, on)));
  });
  return preferences(ctx, accountId);
}
