/**
 * 医保电子凭证: activate (password twice), show the dynamic QR code (redrawn before it expires),
 * authorize and revoke channels, family members, usage history. The page's texts live here.
 */
import { Alert, Button, Card, Flex, Form, Input, Select, Space, Tabs, Tag, Typography, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, applyFormError, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { useI18n } from '../../i18n';

const TEXT = {
  'zh-CN': {
    title: '医保电子凭证',
    status: '状态',
    active: '已激活',
    inactive: '未激活',
    notEnrolled: '您尚未参保，暂无电子凭证。',
    activate: '激活电子凭证',
    activateHint: '激活需完成实人认证（L3），并设置 6 位数字密码（不能是相同、连续数字或出生日期）。',
    password: '凭证密码',
    password2: '再次输入密码',
    mismatch: '两次输入的密码不一致',
    code: '动态二维码',
    channel: '使用渠道',
    member: '为谁出码',
    self: '本人',
    show: '显示二维码',
    expires: '有效至',
    codeText: '扫码失败时，收银员可录入：',
    noChannel: '请先在“渠道授权”中授权一个渠道',
    channels: '渠道授权',
    appId: '渠道应用 ID',
    authorize: '授权',
    revoke: '取消授权',
    family: '家庭成员',
    addChild: '添加未满16周岁子女',
    idNumber: '身份证号',
    name: '姓名',
    evidence: '户口簿材料编号',
    invite: '邀请成年成员',
    invitations: '待我同意的邀请',
    accept: '同意',
    remove: '移除',
    usage: '用码记录',
    action: '操作',
    result: '结果',
    time: '时间',
  },
  en: {
    title: 'E-voucher',
    status: 'Status',
    active: 'Active',
    inactive: 'Not activated',
    notEnrolled: 'You are not enrolled, so you have no e-voucher yet.',
    activate: 'Activate the e-voucher',
    activateHint: 'Activation needs a liveness check (L3) and a 6-digit password (not one digit repeated, not a run, not your birth date).',
    password: 'Voucher password',
    password2: 'Repeat the password',
    mismatch: 'The passwords differ',
    code: 'Dynamic QR code',
    channel: 'Channel',
    member: 'For',
    self: 'Myself',
    show: 'Show the code',
    expires: 'Valid until',
    codeText: 'If the scan fails, the cashier can type:',
    noChannel: 'Authorize a channel first (Channels tab)',
    channels: 'Channels',
    appId: 'Channel app id',
    authorize: 'Authorize',
    revoke: 'Revoke',
    family: 'Family',
    addChild: 'Add a child under 16',
    idNumber: 'Identity number',
    name: 'Name',
    evidence: 'Household-register evidence id',
    invite: 'Invite an adult',
    invitations: 'Invitations for me',
    accept: 'Accept',
    remove: 'Remove',
    usage: 'Usage',
    action: 'Action',
    result: 'Result',
    time: 'Time',
  },
} as const;

type VoucherMe = ResponseOf<'/api/v1/voucher/me'>;
type Authorization = ItemOf<'/api/v1/voucher/authorizations'>;
type Member = ItemOf<'/api/v1/voucher/family'>;
type Usage = ItemOf<'/api/v1/voucher/usage'>;

// a person's channels and family members: a handful, one page
const FIRST_PAGE = { query: { page: 1, pageSize: 100 } };

export default function VoucherPage() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [me, setMe] = useState<VoucherMe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.get('/api/v1/voucher/me').then(setMe, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  if (error) return <Alert type="info" showIcon data-testid="voucher-error" message={error} />;
  if (!me) return null;
  return (
    <Card title={<span data-testid="page-title">{T.title}</span>} extra={<Tag data-testid="voucher-status" color={me.status === 'active' ? 'green' : 'default'}>{me.status === 'active' ? T.active : T.inactive}</Tag>}>
      {me.status === 'inactive' ? (
        <Activate onDone={load} />
      ) : (
        <Tabs
          items={[
            { key: 'code', label: T.code, children: <ShowCode /> },
            { key: 'channels', label: T.channels, children: <Channels /> },
            { key: 'family', label: T.family, children: <Family /> },
            { key: 'usage', label: T.usage, children: <UsageList /> },
          ]}
        />
      )}
    </Card>
  );
}

function Activate({ onDone }: { onDone: () => void }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [form] = Form.useForm<{ password: string; password2: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: { password: string }) => {
    setFailure(null);
    try {
      await api.post('/api/v1/voucher/activate', { password: values.password });
      onDone();
    } catch (e) {
      if (!applyFormError(form, e, ['password'])) setFailure(errorMessage(e));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 360 }} data-testid="voucher-activate-form">
      <Typography.Paragraph type="secondary">{T.activateHint}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} data-testid="voucher-activate-error" style={{ marginBottom: 16 }} />}
      <Form.Item name="password" label={T.password} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
        <Input.Password maxLength={6} inputMode="numeric" data-testid="voucher-password" />
      </Form.Item>
      <Form.Item
        name="password2"
        label={T.password2}
        dependencies={['password']}
        rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(T.mismatch))) })]}
      >
        <Input.Password maxLength={6} inputMode="numeric" data-testid="voucher-password2" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="voucher-activate">
        {T.activate}
      </Button>
    </Form>
  );
}

function ShowCode() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [channels, setChannels] = useState<Authorization[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [appId, setAppId] = useState<string>();
  const [memberId, setMemberId] = useState<string>();
  const [shown, setShown] = useState<{ svgUrl: string; code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    void api.get('/api/v1/voucher/authorizations', FIRST_PAGE).then((r) => {
      setChannels(r.items);
      setAppId((current) => current ?? r.items[0]?.appId);
    });
    void api.get('/api/v1/voucher/family', FIRST_PAGE).then((r) => setMembers(r.items));
    return () => clearTimeout(timer.current);
  }, []);

  const show = useCallback(async () => {
    clearTimeout(timer.current);
    if (!appId) return;
    setFailure(null);
    try {
      const generated = await api.post('/api/v1/voucher/codes', { channelAppId: appId, ...(memberId ? { memberId } : {}) });
      // The image by the code's id: the code itself never goes into a URL (URLs are logged).
      const svg = await api.download('/api/v1/voucher/codes/{codeId}/qr', { path: { codeId: generated.codeId } });
      setShown((previous) => {
        if (previous) URL.revokeObjectURL(previous.svgUrl);
        return { svgUrl: URL.createObjectURL(svg), code: generated.code, expiresAt: generated.expiresAt };
      });
      // Redrawn a little before it expires, so the counter never scans a dead code.
      const refreshInMs = Math.max(5_000, new Date(generated.expiresAt).getTime() - Date.now() - 10_000);
      timer.current = setTimeout(() => void show(), refreshInMs);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [appId, memberId]);

  if (!channels.length) return <Alert type="info" showIcon message={T.noChannel} data-testid="voucher-no-channel" />;
  return (
    <Flex vertical gap={16} align="flex-start">
      <Space wrap>
        <span>{T.channel}</span>
        <Select style={{ minWidth: 200 }} value={appId} onChange={setAppId} data-testid="voucher-code-channel" options={channels.map((c) => ({ value: c.appId, label: c.name ?? c.appId }))} />
        <span>{T.member}</span>
        <Select style={{ minWidth: 160 }} value={memberId ?? ''} onChange={(v) => setMemberId(v || undefined)} options={[{ value: '', label: T.self }, ...members.map((m) => ({ value: m.id, label: m.name ?? m.id }))]} />
        <Button type="primary" onClick={() => void show()} data-testid="voucher-show-code">
          {T.show}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon message={failure} />}
      {shown && (
        <Flex vertical align="center" gap={8}>
          <img src={shown.svgUrl} alt={T.code} width={240} height={240} data-testid="voucher-qr" />
          <Typography.Text type="secondary" data-testid="voucher-qr-expires">
            {T.expires} {new Date(shown.expiresAt).toLocaleTimeString()}
          </Typography.Text>
          <Typography.Text type="secondary">
            {T.codeText}{' '}
            <Typography.Text code copyable data-testid="voucher-code-text">
              {shown.code}
            </Typography.Text>
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

function Channels() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const list = usePagedList('/api/v1/voucher/authorizations');
  const [form] = Form.useForm<BodyOf<'/api/v1/voucher/authorizations', 'post'>>();
  return (
    <ListPage
      list={list}
      testId="voucher-channels-table"
      rowKey="appId"
      header={
        <Form
          form={form}
          layout="inline"
          onFinish={async (v) => {
            try {
              await api.post('/api/v1/voucher/authorizations', v);
              form.resetFields();
              await list.reload();
            } catch (e) {
              applyFormError(form, e, ['appId']);
            }
          }}
        >
          <Form.Item name="appId" label={T.appId} rules={[{ required: true }]}>
            <Input data-testid="voucher-channel-app-id" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="voucher-authorize">
            {T.authorize}
          </Button>
        </Form>
      }
      columns={[
        { key: 'name', title: T.channel, render: (_, r) => r.name ?? r.appId },
        { key: 'at', title: T.time, dataIndex: 'authorizedAt', render: (v: string) => new Date(v).toLocaleString() },
        {
          key: 'revoke',
          title: '',
          render: (_, r) => (
            <Button danger size="small" onClick={() => void api.del('/api/v1/voucher/authorizations/{appId}', { path: { appId: r.appId } }).then(list.reload)}>
              {T.revoke}
            </Button>
          ),
        },
      ]}
    />
  );
}

const loadInvitations = async () => (await api.get('/api/v1/voucher/family/invitations', FIRST_PAGE)).items;

function Family() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const members = usePagedList('/api/v1/voucher/family');
  const invitations = useQuery(loadInvitations, []);
  const [child] = Form.useForm<BodyOf<'/api/v1/voucher/family/children', 'post'>>();
  const [adult] = Form.useForm<BodyOf<'/api/v1/voucher/family/invitations', 'post'>>();
  const load = () => Promise.all([members.reload(), invitations.reload()]);
  const submit =
    <V,>(form: FormInstance<V>, fields: string[], send: (values: V) => Promise<unknown>) =>
    async (values: V) => {
      try {
        await send(values);
        form.resetFields();
        await load();
      } catch (e) {
        applyFormError(form, e, fields);
      }
    };
  return (
    <Flex vertical gap={16}>
      <ListPage
        list={members}
        testId="voucher-family-table"
        columns={[
          { key: 'name', title: T.name, dataIndex: 'name' },
          { key: 'kind', title: '', dataIndex: 'kind' },
          {
            key: 'remove',
            title: '',
            render: (_, m) => (
              <Button size="small" danger onClick={() => void api.del('/api/v1/voucher/family/{id}', { path: { id: m.id } }).then(load)}>
                {T.remove}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{T.addChild}</Typography.Title>
      <Form form={child} layout="inline" onFinish={submit(child, ['idNumber', 'name', 'evidenceRef'], (v) => api.post('/api/v1/voucher/family/children', v))}>
        <Form.Item name="idNumber" label={T.idNumber} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={T.name} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="evidenceRef" label={T.evidence} rules={[{ required: true }]}><Input /></Form.Item>
        <Button htmlType="submit">{T.addChild}</Button>
      </Form>
      <Typography.Title level={5}>{T.invite}</Typography.Title>
      <Form form={adult} layout="inline" onFinish={submit(adult, ['idNumber', 'name'], (v) => api.post('/api/v1/voucher/family/invitations', v))}>
        <Form.Item name="idNumber" label={T.idNumber} rules={[{ required: true }]}><Input /></Form.Item>
        <Form.Item name="name" label={T.name} rules={[{ required: true }]}><Input /></Form.Item>
        <Button htmlType="submit">{T.invite}</Button>
      </Form>
      {invitations.data.length > 0 && (
        <>
          <Typography.Title level={5}>{T.invitations}</Typography.Title>
          {invitations.data.map((i) => (
            <Space key={i.id}>
              <span>{i.holderName}</span>
              <Button size="small" type="primary" onClick={() => void api.post('/api/v1/voucher/family/invitations/{id}/accept', {}, { path: { id: i.id } }).then(load)}>{T.accept}</Button>
            </Space>
          ))}
        </>
      )}
    </Flex>
  );
}

function UsageList() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const list = usePagedList('/api/v1/voucher/usage');
  return (
    <ListPage
      list={list}
      testId="voucher-usage-table"
      columns={[
        { key: 'at', title: T.time, dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
        { key: 'action', title: T.action, dataIndex: 'action' },
        { key: 'channel', title: T.channel, dataIndex: 'channelName' },
        { key: 'result', title: T.result, render: (_, u: Usage) => <Tag color={u.result === 'ok' ? 'green' : 'red'}>{u.reason ?? u.result}</Tag> },
      ]}
    />
  );
}
