/** What the registry pages share: the records of src/centers/registry and their labels. */
import { Tag } from 'antd';
import type { ResponseOf } from '../../api';
import { useI18n } from '../../i18n';

/** GET /registry/persons/{id} (masked unless the account holds user.pii.read) */
export type Person = ResponseOf<'/api/v1/registry/persons/{id}'>;
export type Conflict = ResponseOf<'/api/v1/registry/conflicts/{id}'>;

/** src/centers/registry/rules.ts PERSON_CATEGORY_CODES */
export const PERSON_CATEGORIES: Person['category'][] = ['employee', 'retired', 'flexible', 'unemployed', 'resident', 'student'];

/** A field name of a person as a label ('name' -> 姓名), the raw name when unknown. */
export function useFieldLabel() {
  const { tx } = useI18n();
  return (field: string) => tx(`registry.field.${field}`, field);
}

/** A field's value as shown: enumerations translated, empty as a dash. */
export function useFieldValue() {
  const { tx } = useI18n();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const text = String(value);
    if (field === 'category') return tx(`registry.category.${text}`, text);
    if (field === 'sex') return tx(`registry.sex.${text}`, text);
    if (field === 'status') return tx(`registry.status.${text}`, text);
    return text;
  };
}

const STATUS_COLORS: Record<string, string> = {
  active: 'green',
  cancelled: 'default',
  open: 'orange',
  kept_existing: 'blue',
  took_incoming: 'green',
  rejected: 'default',
  receiving: 'processing',
  queued: 'processing',
  running: 'processing',
  completed: 'green',
  failed: 'red',
  interrupted: 'orange',
};

/** Status tag of a person, a conflict case or an import job. */
export function RegistryStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {tx(`registry.status.${status}`, status)}
    </Tag>
  );
}
