/** The analysis center's answers (TypeBox): the month's figures of the caller's regions. */
import { Type, type Static } from '@sinclair/typebox';
import { Fen } from '../../kernel/http/schemas.js';

const PerDay = (description: string) => Type.Array(Type.Integer({ minimum: 0 }), { description: `${description}: one number per day of the month, in order of days` });

export const MonthOverview = Type.Object(
  {
    month: Type.String({ description: '月份 YYYY-MM' }),
    /** the caller's scope: '' national, 2 digits a province, 4 a city */
    regionPrefix: Type.String({ description: '统计范围 the region-code prefix of the caller’s regions (empty: national)' }),
    days: Type.Array(Type.String(), { description: 'the days of the month, YYYY-MM-DD (Beijing time)' }),
    enrollments: PerDay('人员参保 enrollments registered'),
    settlements: Type.Object({ count: PerDay('结算 settlements (reversed ones left out)'), fundFen: PerDay('统筹基金支付 the fund’s part, 分 fen') }),
    activations: PerDay('电子凭证激活 vouchers activated'),
    receivables: Type.Array(
      Type.Object({ insuranceType: Type.String(), dueFen: Fen('应收 due'), receivedFen: Fen('实收 received') }),
      { description: '应收与实收 the month’s receivables by insurance type' },
    ),
  },
  { description: '月度概览 the month’s figures of your regions' },
);
export type MonthOverview = Static<typeof MonthOverview>;
