import { AlipayCircleOutlined, SafetyCertificateOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, Button, Divider, Flex, Form, Input, Modal, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, applyFormError, errorMessage } from '../api';
import { useRules } from '../forms';
import { useI18n } from '../i18n';
import { navigate, useRoute } from '../router';
import type { LoginResult } from '../session';

type Provider = 'wechat' | 'alipay';

/** What this browser keeps of an authorization it started: never sent anywhere but back to the platform. */
interface PendingAuthorization {
  provider: Provider;
  state: string;
  verifier: string;
  next: string | null;
}

const PENDING_KEY = 'yibao.oauth';

/** Why a WeChat / Alipay login did not happen, in words for the person. */
export type OAuthProblem = { kind: 'denied' | 'state' | 'unbound'; provider: Provider; error?: undefined } | { kind: 'error'; provider: Provider; error: unknown };

/**
 * 微信登录 / 支付宝登录 / 数字证书登录 under the login tabs. WeChat and Alipay send the browser to
 * the provider's authorization page; coming back (the platform's callback lands on
 * #/login?oauth=…&code=…&state=…) the page logs in with the code, the state and the verifier this
 * browser kept. The certificate signs the platform's nonce in the browser with the unit's SM2 key.
 */
export function OtherLogins({ onTokens, onProblem, busy }: { onTokens: (result: LoginResult) => Promise<void>; onProblem: (problem: OAuthProblem | null) => void; busy: boolean }) {
  const { t } = useI18n();
  const [starting, setStarting] = useState<Provider | null>(null);
  const [certOpen, setCertOpen] = useState(false);
  const returning = useOAuthReturn(onTokens, onProblem);

  const start = async (provider: Provider) => {
    setStarting(provider);
    onProblem(null);
    try {
      const started = await api.post('/api/v1/auth/oauth/{provider}/authorize', {}, { path: { provider }, anonymous: true });
      const next = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('next');
      const pending: PendingAuthorization = { provider, state: started.state, verifier: started.verifier, next };
      sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
      window.location.assign(started.authorizeUrl);
    } catch (error) {
      onProblem({ kind: 'error', provider, error });
      setStarting(null);
    }
  };

  return (
    <>
      <Divider plain style={{ margin: '20px 0 12px' }}>
        <Typography.Text type="secondary">{t('login.other')}</Typography.Text>
      </Divider>
      <Flex gap={8} wrap justify="center" data-testid="login-other">
        <Button icon={<WechatOutlined />} onClick={() => void start('wechat')} loading={starting === 'wechat' || returning === 'wechat'} disabled={busy} data-testid="login-wechat">
          {t('login.wechat')}
        </Button>
        <Button icon={<AlipayCircleOutlined />} onClick={() => void start('alipay')} loading={starting === 'alipay' || returning === 'alipay'} disabled={busy} data-testid="login-alipay">
          {t('login.alipay')}
        </Button>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setCertOpen(true)} disabled={busy} data-testid="login-cert">
          {t('login.cert')}
        </Button>
      </Flex>
      <CertificateLogin open={certOpen} onClose={() => setCertOpen(false)} onTokens={onTokens} />
    </>
  );
}

/**
 * Finishes an authorization once, when the login page is reached from the platform's callback:
 * the URL's state must be the one this browser started (the platform checks it again with the
 * verifier). The query is dropped from the address either way, so a reload does not try again.
 */
function useOAuthReturn(onTokens: (result: LoginResult) => Promise<void>, onProblem: (problem: OAuthProblem | null) => void): Provider | null {
  const { query } = useRoute();
  const [returning, setReturning] = useState<Provider | null>(null);
  const handled = useRef(false);
  const provider = query.get('oauth');

  useEffect(() => {
    if (provider !== 'wechat' && provider !== 'alipay') {
      handled.current = false; // the address is clean again: the next return is a new one
      return;
    }
    if (handled.current) return;
    handled.current = true;
    const code = query.get('code');
    const state = query.get('state');
    const error = query.get('error');
    const raw = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    const pending = raw ? (JSON.parse(raw) as PendingAuthorization) : null;
    const next = pending?.next;
    navigate(next ? `/login?next=${encodeURIComponent(next)}` : '/login', { replace: true });
    if (error === 'access_denied') return onProblem({ kind: 'denied', provider });
    if (error || !code || !pending || pending.provider !== provider || pending.state !== state) return onProblem({ kind: 'state', provider });
    setReturning(provider);
    api
      .post('/api/v1/auth/login/third-party', { provider, code, state: pending.state, verifier: pending.verifier }, { anonymous: true })
      .then((tokens) => onTokens(tokens))
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.code === 'auth.third_party_unbound') onProblem({ kind: 'unbound', provider });
        else if (e instanceof ApiError && e.code === 'auth.oauth_state_invalid') onProblem({ kind: 'state', provider });
        else onProblem({ kind: 'error', provider, error: e });
      })
      .finally(() => setReturning(null));
  }, [provider, query, onTokens, onProblem]);

  return returning;
}

/** The problem of a WeChat / Alipay login as an alert; the unbound case says how to bind. */
export function OAuthProblemAlert({ problem }: { problem: OAuthProblem }) {
  const { t, tx } = useI18n();
  const name = tx(`provider.${problem.provider}`, problem.provider);
  const [title, description] =
    problem.kind === 'unbound'
      ? [t('login.oauth.unbound', { provider: name }), t('login.oauth.unboundHow', { provider: name })]
      : problem.kind === 'denied'
        ? [t('login.oauth.denied', { provider: name }), undefined]
        : problem.kind === 'state'
          ? [t('login.oauth.state'), undefined]
          : [t('login.failed'), errorMessage(problem.error)];
  return <Alert data-testid={`login-oauth-${problem.kind}`} role="alert" type={problem.kind === 'error' ? 'error' : 'warning'} showIcon title={title} description={description} style={{ marginBottom: 16 }} />;
}

interface CertForm {
  creditCode: string;
  privateKey: string;
}

/**
 * 数字证书登录: the unit's credit code and its SM2 private key (a PEM file or hex, chosen or pasted).
 * The key is read and used in this page only: the platform sends a nonce, the page signs it (SM3
 * with signer id 1234567812345678, DER) and sends the signature.
 */
function CertificateLogin({ open, onClose, onTokens }: { open: boolean; onClose: () => void; onTokens: (result: LoginResult) => Promise<void> }) {
  const { t } = useI18n();
  const rules = useRules();
  const [form] = Form.useForm<CertForm>();
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    form.resetFields();
    setFileName(null);
    setError(null);
    onClose();
  };

  const submit = async (values: CertForm) => {
    const privateKey = privateKeyHexOf(values.privateKey)!; // the field's rule has read it
    setBusy(true);
    setError(null);
    try {
      const challenge = await api.post('/api/v1/auth/cert/challenge', { creditCode: values.creditCode.trim().toUpperCase() }, { anonymous: true });
      const signature = await signNonce(challenge.nonce, privateKey);
      const tokens = await api.post('/api/v1/auth/login/cert', { challengeId: challenge.challengeId, signature }, { anonymous: true });
      form.resetFields();
      await onTokens(tokens);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 400) applyFormError(form, e, ['creditCode']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('login.cert.title')} onCancel={close} footer={null} destroyOnHidden width={440} data-testid="cert-login">
      <Typography.Paragraph type="secondary">{t('login.cert.hint')}</Typography.Paragraph>
      {error !== null && <Alert data-testid="cert-login-error" role="alert" type="error" showIcon title={t('login.failed')} description={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="login-cert">
        <Form.Item name="creditCode" label={t('field.creditCode')} rules={[rules.required('field.creditCode'), rules.creditCode]}>
          <Input data-testid="cert-credit-code" maxLength={18} autoComplete="off" aria-label={t('field.creditCode')} />
        </Form.Item>
        <Form.Item name="privateKey" label={t('login.cert.key')} rules={[
            rules.required('login.cert.key'),
            { validator: (_, value?: string) => (!value || privateKeyHexOf(value) ? Promise.resolve() : Promise.reject(new Error(t('login.cert.keyInvalid')))) },
          ]} extra={fileName ? t('login.cert.file', { name: fileName }) : undefined}>
          <Input.TextArea data-testid="cert-key" rows={3} autoComplete="off" spellCheck={false} placeholder={t('login.cert.keyPlaceholder')} aria-label={t('login.cert.key')} />
        </Form.Item>
        <Upload
          accept=".pem,.key,.txt,.hex"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then((text) => {
              setFileName(file.name);
              setError(null);
              form.setFieldValue('privateKey', text);
              void form.validateFields(['privateKey']).catch(() => undefined);
            });
            return false; // read here, never uploaded
          }}
        >
          <Button data-testid="cert-key-file">{t('login.cert.chooseFile')}</Button>
        </Upload>
        <Button type="primary" htmlType="submit" block loading={busy} style={{ marginTop: 16 }} data-testid="cert-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </Modal>
  );
}

/** The 32-byte SM2 private key of hex text or a PEM (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY"), as hex; null when it is neither. */
export function privateKeyHexOf(text: string): string | null {
  const trimmed = text.trim();
  const hex = trimmed.replace(/\s+/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return hex.toLowerCase();
  const pem = /-----BEGIN (?:EC )?PRIVATE KEY-----([\s\S]+?)-----END (?:EC )?PRIVATE KEY-----/.exec(trimmed);
  if (!pem) return null;
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(pem[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  // ECPrivateKey ::= SEQUENCE { version INTEGER 1, privateKey OCTET STRING (32 bytes), ... }
  for (let i = 0; i + 37 <= der.length; i++) {
    if (der[i] === 0x02 && der[i + 1] === 0x01 && der[i + 2] === 0x01 && der[i + 3] === 0x04 && der[i + 4] === 0x20) {
      return Array.from(der.subarray(i + 5, i + 37), (b) => b.toString(16).padStart(2, '0')).join('');
    }
  }
  return null;
}

/** SM2 signature of the nonce (SM3 with Z of signer id 1234567812345678, DER hex), as the platform verifies it. */
async function signNonce(nonce: string, privateKeyHex: string): Promise<string> {
  const { sm2 } = await import('sm-crypto-v2');
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKeyHex);
  return sm2.doSignature(nonce, privateKeyHex, { der: true, hash: true, publicKey, userId: '1234567812345678' });
}
