/**
 * 显示完整信息: personal data arrives masked in every list and detail; an account holding
 * user.pii.read reveals one record's values in full with the eye button. One reveal answers all of a
 * record's masked fields (one audited request), so one eye per record (`button`) shows every field of
 * that record in full; it then hides them again without asking the server anew.
 */
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export const PII_READ = 'user.pii.read';

/** Whether the signed-in account may reveal personal data. */
export function useCanReveal() {
  return useSession().permissions.has(PII_READ);
}

export interface Revealed<T> {
  /** the record's values in full, once revealed and while shown */
  get(id: string): T | undefined;
  /** whether a reveal of the record is under way */
  loading(id: string): boolean;
  /** reveals the record (asking the server only the first time), or hides it again */
  toggle(id: string): Promise<void>;
}

/** Records revealed on this page, by id; `reveal` asks the server (audited) for one record in full. */
export function useRevealed<T>(reveal: (id: string) => Promise<T>): Revealed<T> {
  const { message } = App.useApp();
  const [values, setValues] = useState<ReadonlyMap<string, T>>(new Map());
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    async (id: string) => {
      const flip = (on: boolean) =>
        setShown((s) => {
          const next = new Set(s);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        });
      if (shown.has(id)) return flip(false);
      if (values.has(id)) return flip(true);
      setPending((p) => new Set(p).add(id));
      try {
        const full = await reveal(id);
        setValues((v) => new Map(v).set(id, full));
        flip(true);
      } catch (e) {
        message.error(errorMessage(e));
      } finally {
        setPending((p) => {
          const next = new Set(p);
          next.delete(id);
          return next;
        });
      }
    },
    [message, reveal, shown, values],
  );
  return {
    get: (id) => (shown.has(id) ? values.get(id) : undefined),
    loading: (id) => pending.has(id),
    toggle,
  };
}

interface RevealProps<T> {
  /** the masked value as the list or detail answered it */
  value: string | null | undefined;
  /** the record the value belongs to */
  id: string;
  revealed: Revealed<T>;
  /** the field's value in the revealed record */
  pick: (full: T) => string | null | undefined;
  testId: string;
  /** whether this value carries the record's eye button (one per record: the other fields follow it) */
  button?: boolean;
}

/** A masked value, with an eye button for those who may reveal it; the full value then shows in place. */
export function Reveal<T>({ value, id, revealed, pick, testId, button = false }: RevealProps<T>) {
  const { t } = useI18n();
  const canReveal = useCanReveal();
  const full = revealed.get(id);
  const shown = full === undefined ? value : (pick(full) ?? value);
  if (!button || !canReveal)
    return (
      <span data-testid={testId} data-revealed={full !== undefined ? 'true' : undefined}>
        {shown || '—'}
      </span>
    );
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }}>
      <span data-testid={testId} data-revealed={full !== undefined ? 'true' : undefined}>
        {shown || '—'}
      </span>
      <Button
        type="text"
        size="small"
        icon={full === undefined ? <EyeOutlined /> : <EyeInvisibleOutlined />}
        loading={revealed.loading(id)}
        aria-label={full === undefined ? t('reveal.show') : t('reveal.hide')}
        title={full === undefined ? t('reveal.show') : t('reveal.hide')}
        aria-pressed={full !== undefined}
        data-testid={`${testId}-reveal`}
        onClick={() => void revealed.toggle(id)}
      />
    </span>
  );
}
