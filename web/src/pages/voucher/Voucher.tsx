/**
 * 医保电子凭证: activate (password twice), show the dynamic QR code (redrawn before it expires),
 * authorize channels chosen among those of the person's region and revoke them, family members (a
 * child on an uploaded household-register page), usage history. A change in one tab shows in every
 * tab at once (the page's `revision`). The page's texts live here.
 */
import { Alert, Button, Card, Flex, Form, Input, Select, Space, Tabs, Tag, Typography, Upload, type FormInstance } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, applyFormError, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
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
    choose: '选择医院、药店或应用',
    noMoreChannels: '您所在地区暂无其他可授权的渠道',
    kinds: { hospital: '医院', pharmacy: '药店', app: '应用' },
    authorize: '授权',
    revoke: '取消授权',
    family: '家庭成员',
    memberKinds: { child: '子女', adult: '成年成员' },
    addChild: '添加未满16周岁子女',
    idNumber: '身份证号',
    name: '姓名',
    evidence: '户口簿页',
    evidenceHint: '上传户口簿中子女所在页的照片或扫描件（JPG、PNG 或 PDF，不超过 5 MB）',
    evidenceUpload: '选择文件',
    evidenceRequired: '请上传户口簿页',
    evidenceView: '查看户口簿页',
    invite: '邀请成年成员',
    invitations: '待我同意的邀请',
    accept: '同意',
    remove: '移除',
    usage: '用码记录',
    action: '操作',
    result: '结果',
    time: '时间',
    actions: { generate: '生成医保码', verify: '机构核验', login: '扫码登录' } as Record<string, string>,
    results: { ok: '成功', refused: '被拒绝' } as Record<string, string>,
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
    choose: 'Choose a hospital, pharmacy or app',
    noMoreChannels: 'No other channel to authorize in your region',
    kinds: { hospital: 'Hospital', pharmacy: 'Pharmacy', app: 'App' },
    authorize: 'Authorize',
    revoke: 'Revoke',
    family: 'Family',
    memberKinds: { child: 'Child', adult: 'Adult' },
    addChild: 'Add a child under 16',
    idNumber: 'Identity number',
    name: 'Name',
    evidence: 'Household-register page',
    evidenceHint: 'A photo or scan of the household-register page showing the child (JPEG, PNG or PDF, up to 5 MB)',
    evidenceUpload: 'Choose a file',
    evidenceRequired: 'Upload the household-register page',
    evidenceView: 'View the household-register page',
    invite: 'Invite an adult',
    invitations: 'Invitations for me',
    accept: 'Accept',
    remove: 'Remove',
    usage: 'Usage',
    action: 'Action',
    result: 'Result',
    time: 'Time',
    actions: { generate: 'Code shown', verify: 'Verified by a channel', login: 'QR login' } as Record<string, string>,
    results: { ok: 'Succeeded', refused: 'Refused' } as Record<string, string>,
  },
} as const;

type VoucherMe = ResponseOf<'/api/v1/voucher/me'>;
type Authorization = ItemOf<'/api/v1/voucher/authorizations'>;
type AvailableChannel = ResponseOf<'/api/v1/voucher/channels/available'>[number];
type Member = ItemOf<'/api/v1/voucher/family'>;
type Usage = ItemOf<'/api/v1/voucher/usage'>;

// a person's channels and family members: a handful, one page
const FIRST_PAGE = { query: { page: 1, pageSize: 100 } };

const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
type EvidenceType = (typeof EVIDENCE_TYPES)[number];
const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** A channel's name in the page's language (the registered name when it has no English one). */
const channelName = (c: { name: string | null; nameEn: string | null; appId: string }, lang: string) => (lang === 'en' ? c.nameEn : null) ?? c.name ?? c.appId;

/** Tells the other tabs that channels or family members changed, so they load them again. */
interface Changes {
  revision: number;
  onChange: () => void;
}

export default function VoucherPage() {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [me, setMe] = useState<VoucherMe | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.get('/api/v1/voucher/me').then(setMe, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);
  // bumped by a tab that changed channels or family members: every tab loads them again
  const [revision, setRevision] = useState(0);
  const onChange = useCallback(() => setRevision((r) => r + 1), []);

  if (error) return <Alert type="info" showIcon data-testid="voucher-error" message={error} />;
  if (!me) return null;
  return (
    <Card title={<span data-testid="page-title">{T.title}</span>} extra={<Tag data-testid="voucher-status" color={me.status === 'active' ? 'green' : 'default'}>{me.status === 'active' ? T.active : T.inactive}</Tag>}>
      {me.status === 'inactive' ? (
        <Activate onDone={load} />
      ) : (
        <Tabs
          items={[
            { key: 'code', label: T.code, children: <ShowCode revision={revision} /> },
            { key: 'channels', label: T.channels, children: <Channels revision={revision} onChange={onChange} /> },
            { key: 'family', label: T.family, children: <Family revision={revision} onChange={onChange} /> },
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

function ShowCode({ revision }: { revision: number }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [channels, setChannels] = useState<Authorization[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [appId, setAppId] = useState<string>();
  const [memberId, setMemberId] = useState<string>();
  const [shown, setShown] = useState<{ svgUrl: string; code: string; expiresAt: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // again whenever another tab authorized or revoked a channel, or bound or removed a member
  useEffect(() => {
    void api.get('/api/v1/voucher/authorizations', FIRST_PAGE).then((r) => {
      setChannels(r.items);
      // a revoked channel gives way to the first still authorized
      setAppId((current) => (current && r.items.some((c) => c.appId === current) ? current : r.items[0]?.appId));
    });
    void api.get('/api/v1/voucher/family', FIRST_PAGE).then((r) => {
      setMembers(r.items);
      setMemberId((current) => (current && r.items.some((m) => m.id === current) ? current : undefined));
    });
  }, [revision]);
  useEffect(() => () => clearTimeout(timer.current), []);

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
        <Select style={{ minWidth: 200 }} value={appId} onChange={setAppId} data-testid="voucher-code-channel" options={channels.map((c) => ({ value: c.appId, label: channelName(c, lang) }))} />
        <span>{T.member}</span>
        <Select style={{ minWidth: 160 }} value={memberId ?? ''} data-testid="voucher-code-member" onChange={(v) => setMemberId(v || undefined)} options={[{ value: '', label: T.self }, ...members.map((m) => ({ value: m.id, label: m.name ?? m.id }))]} />
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

function Channels({ revision, onChange }: Changes) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const list = usePagedList('/api/v1/voucher/authorizations', { reloadOn: revision });
  // revision is a dependency only: a new value makes a new load function, which loads again
  const loadAvailable = useCallback(() => api.get('/api/v1/voucher/channels/available'), [revision]);
  const available = useQuery<AvailableChannel[]>(loadAvailable, []);
  const offered = available.data.filter((c) => !c.authorized);
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
          style={{ rowGap: 8 }}
          onFinish={async (v) => {
            try {
              await api.post('/api/v1/voucher/authorizations', v);
              form.resetFields();
              onChange();
            } catch (e) {
              applyFormError(form, e, ['appId']);
            }
          }}
        >
          <Form.Item name="appId" label={T.channel} rules={[{ required: true }]} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              placeholder={T.choose}
              notFoundContent={available.loading ? undefined : T.noMoreChannels}
              loading={available.loading}
              data-testid="voucher-channel-select"
              options={offered.map((c) => ({
                value: c.appId,
                label: channelName(c, lang),
                search: [c.name, c.nameEn, c.institution?.name].filter(Boolean).join(' '),
                channel: c,
              }))}
              optionRender={(option) => {
                const c = option.data.channel as AvailableChannel;
                return (
                  <Flex vertical data-testid={`voucher-channel-option-${c.appId}`}>
                    <Space size={4} wrap>
                      <Tag color={c.kind === 'hospital' ? 'blue' : c.kind === 'pharmacy' ? 'green' : 'default'}>{T.kinds[c.kind]}</Tag>
                      <span>{channelName(c, lang)}</span>
                    </Space>
                    {c.institution && c.institution.name !== channelName(c, lang) && <Typography.Text type="secondary">{c.institution.name}</Typography.Text>}
                  </Flex>
                );
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="voucher-authorize">
            {T.authorize}
          </Button>
        </Form>
      }
      columns={[
        { key: 'name', title: T.channel, render: (_, r: Authorization) => channelName(r, lang) },
        { key: 'at', title: T.time, dataIndex: 'authorizedAt', render: (v: string) => new Date(v).toLocaleString() },
        {
          key: 'revoke',
          title: '',
          render: (_, r: Authorization) => (
            <Button danger size="small" data-testid={`voucher-revoke-${r.appId}`} onClick={() => void api.del('/api/v1/voucher/authorizations/{appId}', { path: { appId: r.appId } }).then(onChange)}>
              {T.revoke}
            </Button>
          ),
        },
      ]}
    />
  );
}

const loadInvitations = async () => (await api.get('/api/v1/voucher/family/invitations', FIRST_PAGE)).items;

/**
 * 户口簿页 the household-register page as a form field: the file goes up as it is chosen (its type and
 * size checked here first, the server checks them again by its bytes) and the field holds its id.
 */
function EvidenceUpload({ value, onChange }: { value?: string; onChange?: (id: string | undefined) => void }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const [failure, setFailure] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <Flex vertical gap={4} style={{ maxWidth: '100%' }}>
      <Upload
        accept={EVIDENCE_TYPES.join(',')}
        maxCount={1}
        showUploadList={false}
        data-testid="voucher-evidence-upload"
        customRequest={async ({ file, onSuccess, onError }) => {
          const blob = file as File;
          setFailure(null);
          if (!(EVIDENCE_TYPES as readonly string[]).includes(blob.type) || blob.size > EVIDENCE_MAX_BYTES) {
            setFailure(T.evidenceHint);
            onChange?.(undefined);
            return;
          }
          try {
            const stored = await api.upload('/api/v1/voucher/evidence', blob, blob.type as EvidenceType);
            setFileName(blob.name);
            onChange?.(stored.id);
            onSuccess?.(stored);
          } catch (e) {
            setFailure(errorMessage(e));
            onChange?.(undefined);
            onError?.(e as Error);
          }
        }}
      >
        <Button icon={<UploadOutlined />}>{T.evidenceUpload}</Button>
      </Upload>
      {value && fileName && (
        <Typography.Text type="success" data-testid="voucher-evidence-file" ellipsis style={{ maxWidth: 280 }}>
          {fileName}
        </Typography.Text>
      )}
      {failure && <Typography.Text type="danger" data-testid="voucher-evidence-error">{failure}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {T.evidenceHint}
      </Typography.Text>
    </Flex>
  );
}

/** Opens an evidence file in a new tab (a blob: the file is read with the session's token). */
async function openEvidence(id: string) {
  const blob = await api.download('/api/v1/voucher/evidence/{id}', { path: { id } });
  const url = URL.createObjectURL(blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Family({ revision, onChange }: Changes) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  const members = usePagedList('/api/v1/voucher/family', { reloadOn: revision });
  const loadInvitationsAgain = useCallback(() => loadInvitations(), [revision]);
  const invitations = useQuery(loadInvitationsAgain, []);
  const [child] = Form.useForm<BodyOf<'/api/v1/voucher/family/children', 'post'>>();
  const [adult] = Form.useForm<BodyOf<'/api/v1/voucher/family/invitations', 'post'>>();
  const load = onChange;
  const submit =
    <V,>(form: FormInstance<V>, fields: string[], send: (values: V) => Promise<unknown>) =>
    async (values: V) => {
      try {
        await send(values);
        form.resetFields();
        load();
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
          { key: 'kind', title: '', render: (_, m: Member) => T.memberKinds[m.kind] },
          {
            key: 'evidence',
            title: '',
            render: (_, m: Member) =>
              m.evidenceId && (
                <Button size="small" type="link" data-testid={`voucher-evidence-view-${m.id}`} onClick={() => void openEvidence(m.evidenceId!)}>
                  {T.evidenceView}
                </Button>
              ),
          },
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
      <Form
        form={child}
        layout="vertical"
        style={{ maxWidth: 480 }}
        data-testid="voucher-child-form"
        onFinish={submit(child, ['idNumber', 'name', 'evidenceRef'], (v) => api.post('/api/v1/voucher/family/children', v))}
      >
        <Form.Item name="idNumber" label={T.idNumber} rules={[{ required: true }]}><Input data-testid="voucher-child-id-number" /></Form.Item>
        <Form.Item name="name" label={T.name} rules={[{ required: true }]}><Input data-testid="voucher-child-name" /></Form.Item>
        <Form.Item name="evidenceRef" label={T.evidence} rules={[{ required: true, message: T.evidenceRequired }]}>
          <EvidenceUpload />
        </Form.Item>
        <Button htmlType="submit" data-testid="voucher-add-child">{T.addChild}</Button>
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
        { key: 'at', title: T.time, dataIndex: 'at', render: (v: string) => formatTime(v, lang) },
        { key: 'action', title: T.action, dataIndex: 'action', render: (v: string) => <span data-testid="voucher-usage-action">{T.actions[v] ?? v}</span> },
        { key: 'channel', title: T.channel, dataIndex: 'channelName' },
        // a refusal says why (the server's translated reason); a success says so
        { key: 'result', title: T.result, render: (_, u: Usage) => <Tag color={u.result === 'ok' ? 'green' : 'red'}>{u.result === 'ok' ? T.results.ok : (u.reason ?? T.results.refused)}</Tag> },
      ]}
    />
  );
}
