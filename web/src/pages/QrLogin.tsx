/**
 * 扫码登录 scan-to-login: the page shows a login QR; the holder of an active e-voucher confirms it in
 * their signed-in app (POST /voucher/login-sessions/{id}/confirm), and this page's next poll receives
 * the tokens. The poll token never leaves this page, so someone who only sees the QR cannot sign in.
 */
import { Alert, Flex, QRCode, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, errorMessage, type ResponseOf } from '../api';
import { useI18n } from '../i18n';
import type { LoginResult } from '../session';

type LoginSession = ResponseOf<'/api/v1/voucher/login-sessions', 'post'>;

const POLL_MS = 1_500;

export function QrLogin({ onTokens }: { onTokens: (result: LoginResult) => Promise<void> }) {
  const { t } = useI18n();
  const [session, setSession] = useState<LoginSession | null>(null);
  const [state, setState] = useState<'loading' | 'active' | 'expired'>('loading');
  const [failure, setFailure] = useState<string | null>(null);
  const done = useRef(false);
  // The latest callback, read when the tokens come: the parent's re-renders must not restart the polling.
  const onTokensRef = useRef(onTokens);
  onTokensRef.current = onTokens;

  const start = useCallback(async () => {
    done.current = false;
    setState('loading');
    setFailure(null);
    try {
      setSession(await api.post('/api/v1/voucher/login-sessions', {}, { anonymous: true }));
      setState('active');
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    if (!session || state !== 'active') return;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      if (done.current) return;
      if (Date.now() > new Date(session.expiresAt).getTime()) return setState('expired');
      try {
        // The poll token goes in a header: a URL is written to logs.
        const answer = await api.get('/api/v1/voucher/login-sessions/{id}', { path: { id: session.id }, headers: { 'x-poll-token': session.pollToken }, anonymous: true });
        if (answer.status === 'confirmed' && answer.tokens) {
          done.current = true;
          // The tokens come once: if signing in with them fails, say so and offer a new code.
          await onTokensRef.current(answer.tokens).catch((e: unknown) => {
            setFailure(errorMessage(e));
            setState('expired');
          });
          return;
        }
      } catch (e) {
        // gone from the server: expired (or already used)
        if (e instanceof ApiError && e.status === 404) return setState('expired');
        setFailure(errorMessage(e));
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => clearTimeout(timer);
  }, [session, state]);

  return (
    <Flex vertical align="center" gap={12} data-testid="login-qr-panel">
      <QRCode value={session?.code ?? '-'} status={state} onRefresh={() => void start()} size={200} data-testid="login-qr" />
      {/* the code as text too, for assistive technology and for tests */}
      <Typography.Text type="secondary" data-testid="login-qr-code" data-code={session?.code ?? ''} data-state={state}>
        {state === 'expired' ? t('login.qr.expired') : t('login.qr.hint')}
      </Typography.Text>
      {failure && <Alert type="error" showIcon title={failure} data-testid="login-qr-error" />}
    </Flex>
  );
}
