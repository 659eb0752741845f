/** What the registry pages share: the record shapes of src/centers/registry and their labels. */
import { Tag } from 'antd';
import { useI18n } from '../../i18n';

/** src/centers/registry/rules.ts PERSON_CATEGORY_CODES */
export const PERSON_CATEGORIES = ['employee', 'retired', 'flexible', 'unemployed', 'resident', 'student'] as const;

/** GET /registry/persons/:id (masked unless the account holds user.pii.read) */
export interface Person {
  id: string;
  idNumber: string;
  name: string;
  birthDate: string;
  sex: 'male' | 'female' | null;
  phone: string | null;
  regionCode: string;
  category: string;
  status: 'active' | 'cancelled';
  cancellation: { reason: string; date: string; note: string | null } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A person's version inside a conflict case: only the fields the source carried. */
export interface PersonVersion {
  name?: string;
  birthDate?: string;
  sex?: string | null;
  phone?: string | null;
  regionCode?: string;
  category?: string;
}

export interface Conflict {
  id: string;
  personId: string;
  status: 'open' | 'kept_existing' | 'took_incoming' | 'rejected';
  source: string;
  sourceRef: string | null;
  existing: PersonVersion;
  incoming: PersonVersion;
  differences: string[];
  openedBy: string | null;
  openedAt: string;
  decision: { status: string; by: string | null; at: string; note: string | null } | null;
}

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
