import { registerMessages } from '../../kernel/i18n/index.js';

registerMessages({
  'enrollment.no_org': { zh: '该账号未归属机构，不能办理参保业务', en: 'This account belongs to no organization and cannot handle enrollments' },
  'enrollment.entity_not_found': { zh: '本辖区没有该单位', en: 'No such legal entity in your region' },
  'enrollment.entity_cancelled': { zh: '该单位已注销，不能参保', en: 'The legal entity is cancelled and cannot enrol' },
  'enrollment.insurance_type_unknown': { zh: '未知的险种：{insuranceType}', en: 'Unknown insurance type: {insuranceType}' },
  'enrollment.unit_already_enrolled': { zh: '该单位已参加险种 {insuranceType}', en: 'The unit is already enrolled in insurance type {insuranceType}' },
  'enrollment.unit_not_found': { zh: '本辖区没有该单位参保记录', en: 'No such unit enrollment in your region' },
  'enrollment.unit_not_active': { zh: '单位参保已终止', en: 'The unit enrollment has ended' },
  'enrollment.before_unit_enrollment': { zh: '职工参保月份不能早于单位参保月份（{unitFrom}）', en: 'An employee cannot be enrolled before the unit ({unitFrom})' },
  'enrollment.person_not_found': { zh: '没有该人员', en: 'No such person' },
  'enrollment.person_cancelled': { zh: '该人员已注销，不能参保', en: 'The person is cancelled and cannot be enrolled' },
  'enrollment.person_already_enrolled': {
    zh: '该人员已在其他单位参加险种 {insuranceType}，须先减员',
    en: 'The person is already enrolled in insurance type {insuranceType} through a unit; remove them there first',
  },
  'enrollment.employee_not_found': { zh: '本辖区没有该职工参保记录', en: 'No such employee enrollment in your region' },
  'enrollment.status_invalid': { zh: '当前状态为 {status}，不能执行 {action}', en: 'The employee is {status}: cannot {action}' },
  'enrollment.month_before_last': { zh: '变更月份不能早于上次变更（{lastMonth}）', en: 'The change cannot take effect before the last one ({lastMonth})' },
  'enrollment.wage_invalid': { zh: '工资应为非负整数（分）', en: 'The wage must be a non-negative whole number of fen' },
  'enrollment.year_before_enrollment': { zh: '申报年度早于参保月份（{fromMonth}）', en: 'The year lies before the enrollment ({fromMonth})' },
  'enrollment.base_rule_missing': {
    zh: '{regionCode} 险种 {insuranceType} 在 {month} 没有生效的缴费基数规则',
    en: 'No contribution-base rule in effect for {insuranceType} in {regionCode} in {month}',
  },
  'enrollment.wage_missing': { zh: '{regionCode} 没有 {year} 年社平工资', en: 'No social average wage for {regionCode} in {year}' },
  'enrollment.end_before_start': { zh: '结束日期不能早于开始日期', en: 'The end date cannot come before the start date' },
  'enrollment.retirement_open': { zh: '退休身份没有结束日期', en: 'Retirement has no end date' },
  'enrollment.already_retired': { zh: '该人员已于 {startDate} 退休', en: 'The person retired on {startDate} already' },
  'enrollment.identity_overlap': { zh: '与已有的 {code} 身份（{startDate} 至 {endDate}）重叠', en: 'Overlaps the {code} identity held {startDate} to {endDate}' },
});
