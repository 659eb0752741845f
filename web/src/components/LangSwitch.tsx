import { Segmented } from 'antd';
import { LANGS, useI18n, type Lang } from '../i18n';

/** 中文 / English; the choice is kept in localStorage and sent as Accept-Language. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      data-testid="lang-switch"
      aria-label={t('app.language')}
      size="small"
      value={lang}
      onChange={(v) => setLang(v)}
      options={LANGS.map((l) => ({ value: l.value, label: <span data-testid={`lang-${l.value}`}>{l.label}</span> }))}
    />
  );
}
