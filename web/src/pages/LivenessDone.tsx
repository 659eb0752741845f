import { Alert, Button, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, setAccessToken } from '../api';
import { AuthShell } from '../components/AuthShell';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

/**
 * Where the liveness provider sends the browser back (returnUrl, with ?bizToken=…). In the tab that
 * holds the session the result is confirmed at once; in the separate tab the check was opened in
 * (no session there) the person is asked to return to the first tab.
 */
export default function LivenessDonePage() {
  const { t } = useI18n();
  const { status, reload } = useSession();
  const bizToken = new URLSearchParams(window.location.search).get('bizToken');
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (status !== 'ready' || !bizToken || started.current) return;
    started.current = true;
    void (async () => {
      try {
        const answer = await api.post('/api/v1/auth/liveness/{bizToken}/confirm', {}, { path: { bizToken } });
        setAccessToken(answer.accessToken);
        sessionStorage.removeItem('yibao.liveness');
        await reload();
        window.history.replaceState(null, '', `${window.location.pathname}#/profile`);
        navigate('/profile', { replace: true });
      } catch (e) {
        setError(errorMessage(e));
      }
    })();
  }, [status, bizToken, reload]);

  return (
    <AuthShell title={t('profile.liveness')}>
      {status === 'ready' && bizToken && !error ? (
        <Spin>
          <div style={{ height: 120 }} />
        </Spin>
      ) : error ? (
        <Alert type="error" showIcon title={error} data-testid="liveness-done-error" />
      ) : (
        <Result
          status="success"
          title={t('livenessDone.title')}
          subTitle={t('livenessDone.hint')}
          extra={
            <Button onClick={() => window.close()} data-testid="liveness-done-close">
              {t('livenessDone.close')}
            </Button>
          }
        />
      )}
    </AuthShell>
  );
}
