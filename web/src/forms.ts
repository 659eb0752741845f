/** antd Form rules shared by the pages, with messages from the i18n dictionary. */
import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useI18n, type MessageKey } from './i18n';
import { isValidCreditCode, isValidIdNumber, isValidMobile, isValidSmsCode } from './validators';

export function useRules() {
  const { t } = useI18n();
  return useMemo(() => {
    const required = (label: MessageKey): FormRule => ({ required: true, whitespace: true, message: t('common.required', { label: t(label) }) });
    const requiredSelect = (label: MessageKey): FormRule => ({ required: true, message: t('common.requiredSelect', { label: t(label) }) });
    const check =
      (ok: (v: string) => boolean, msg: MessageKey): FormRule =>
      () => ({
        validator: (_rule, value: unknown) =>
          value === undefined || value === null || value === '' || ok(String(value)) ? Promise.resolve() : Promise.reject(new Error(t(msg))),
      });
    return {
      required,
      requiredSelect,
      idNumber: check(isValidIdNumber, 'validate.idNumber'),
      creditCode: check(isValidCreditCode, 'validate.creditCode'),
      phone: check(isValidMobile, 'validate.phone'),
      smsCode: check(isValidSmsCode, 'validate.smsCode'),
      password: { min: 8, max: 64, message: t('validate.passwordLength') } as FormRule,
      /** new passwords: at least three of upper case, lower case, digits, symbols (as the server requires) */
      strongPassword: check((v) => [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length >= 3, 'validate.passwordClasses'),
      regionCode: { pattern: /^\d{6}$/, message: t('validate.regionCode') } as FormRule,
      /** the value must equal the one in `other` */
      sameAs:
        (other: string | string[]): FormRule =>
        ({ getFieldValue }) => ({
          validator: (_rule, value: unknown) =>
            !value || value === getFieldValue(other) ? Promise.resolve() : Promise.reject(new Error(t('validate.passwordMismatch'))),
        }),
    };
  }, [t]);
}

/** Upper-cases identity numbers and credit codes as they are typed (the check digit may be "x"). */
export const upperCase = (e: { target: { value: string } }) => e.target.value.toUpperCase().trim();
