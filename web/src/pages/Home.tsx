/**
 * 首页 the role's home page, where a signed-in account lands: the person sees their voucher,
 * recent payments and pending applications; the unit agent the bills due and the employees; a
 * clerk the 待办 (to-do) counts by kind, each a link to its list; an administrator the month's charts
 * of their regions (enrollments, activations, settlements, receivables due against received). Each part loads on its own, so a
 * part the account may not read (or that fails) does not hide the others.
 */
import { Alert, Button, Card, Col, Empty, List, Row, Statistic, Tag, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { api } from '../api';
import { DailyBars, PairedBars } from '../components/Charts';
import { thisMonth, yuan } from '../components/format';
import { useInsuranceTypeLabels } from '../components/insurance';
import { MonthPicker } from '../components/MonthPicker';
import { formatTime } from '../components/Tags';
import { useQuery } from '../components/queries';
import { useI18n, type MessageKey } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';

const COLS = { xs: 24, md: 12, xl: 8 } as const;

function Part({ title, testId, link, children }: { title: string; testId: string; link?: { path: string; label: string }; children: ReactNode }) {
  return (
    <Col {...COLS}>
      <Card
        title={title}
        data-testid={testId}
        style={{ height: '100%' }}
        extra={link && <a href={href(link.path)} data-testid={`${testId}-link`}>{link.label}</a>}
      >
        {children}
      </Card>
    </Col>
  );
}

/** a part's data, or its failure said in place */
function Loaded<T>({ query, children }: { query: { data: T | null; loading: boolean; error: string | null }; children: (data: T) => ReactNode }) {
  if (query.error) return <Alert type="warning" showIcon title={query.error} />;
  if (query.data === null) return <Typography.Text type="secondary">…</Typography.Text>;
  return <>{children(query.data)}</>;
}

const loadVoucher = () => api.get('/api/v1/voucher/me');
const loadPayments = () => api.get('/api/v1/payment/mine', { query: { page: 1, pageSize: 3 } });
const loadPending = () => api.get('/api/v1/personal/applications', { query: { page: 1, status: 'submitted', pageSize: 5 } });

function PersonHome() {
  const { t, tx, lang } = useI18n();
  const voucher = useQuery(loadVoucher, null);
  const payments = useQuery(loadPayments, null);
  const pending = useQuery(loadPending, null);
  return (
    <>
      <Part title={t('home.voucher')} testId="home-voucher" link={{ path: '/personal/voucher', label: t('home.open') }}>
        <Loaded query={voucher}>
          {(v) =>
            v.status === 'active' ? (
              <>
                <Tag color="success" data-testid="home-voucher-status" data-status={v.status}>{t('home.voucherActive')}</Tag>
                <Button type="primary" size="large" block href={href('/personal/voucher')} style={{ marginTop: 12 }} data-testid="home-show-qr">
                  {t('home.showQr')}
                </Button>
              </>
            ) : (
              <>
                <Tag data-testid="home-voucher-status" data-status={v.status}>{t('home.voucherInactive')}</Tag>
                <Button type="primary" size="large" block href={href('/personal/voucher')} style={{ marginTop: 12 }} data-testid="home-activate">
                  {t('home.activate')}
                </Button>
              </>
            )
          }
        </Loaded>
      </Part>
      <Part title={t('home.recentPayments')} testId="home-payments" link={{ path: '/personal/payments', label: t('home.all') }}>
        <Loaded query={payments}>
          {(p) =>
            p.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noPayments')} />
            ) : (
              <List
                size="small"
                dataSource={p.items}
                renderItem={(o) => (
                  <List.Item key={o.id} data-testid={`home-payment-${o.id}`} extra={<Typography.Text strong>{yuan(o.totalFen)}</Typography.Text>}>
                    <List.Item.Meta title={tx(`payment.status.${o.status}`, o.status)} description={formatTime(o.createdAt, lang)} />
                  </List.Item>
                )}
              />
            )
          }
        </Loaded>
      </Part>
      <Part title={t('home.pendingApplications')} testId="home-applications" link={{ path: '/personal/applications', label: t('home.apply') }}>
        <Loaded query={pending}>
          {(a) =>
            a.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noPending')} />
            ) : (
              <List
                size="small"
                dataSource={a.items}
                renderItem={(x) => (
                  <List.Item key={x.id} data-testid={`home-application-${x.id}`}>
                    <List.Item.Meta title={tx(`application.kind.${x.kind}`, x.kind)} description={formatTime(x.submittedAt, lang)} />
                  </List.Item>
                )}
              />
            )
          }
        </Loaded>
      </Part>
    </>
  );
}

const loadUnitBills = () => api.get('/api/v1/unit/bills', { query: { page: 1, pageSize: 20 } });
const loadEmployees = () => api.get('/api/v1/unit/employees', { query: { page: 1, pageSize: 1 } });

function UnitHome() {
  const { t } = useI18n();
  const bills = useQuery(loadUnitBills, null);
  const employees = useQuery(loadEmployees, null);
  return (
    <>
      <Part title={t('home.billsDue')} testId="home-bills" link={{ path: '/unit/bills', label: t('home.all') }}>
        <Loaded query={bills}>
          {(b) => {
            const due = b.items.filter((x) => x.status === 'due' || x.status === 'partly_paid');
            return due.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noBillsDue')} />
            ) : (
              <List
                size="small"
                dataSource={due}
                renderItem={(x) => (
                  <List.Item key={x.id} data-testid={`home-bill-${x.id}`} extra={<Typography.Text strong>{yuan(x.outstandingFen)}</Typography.Text>}>
                    <List.Item.Meta title={x.month} description={x.number} />
                  </List.Item>
                )}
              />
            );
          }}
        </Loaded>
      </Part>
      <Part title={t('home.employees')} testId="home-employees" link={{ path: '/unit/employees', label: t('home.open') }}>
        <Loaded query={employees}>{(e) => <Statistic value={e.total} suffix={t('home.persons')} data-testid="home-employee-count" />}</Loaded>
      </Part>
    </>
  );
}

/** one 待办 kind: its count (a list's total) and the list it opens */
interface TodoKind {
  key: string;
  label: MessageKey;
  path: string;
  permission: string;
  count: () => Promise<number>;
}

const TODO_KINDS: TodoKind[] = [
  ...(['resident_enrollment', 'flexible_enrollment', 'flexible_suspension'] as const).map((kind) => ({
    key: kind,
    label: `application.kind.${kind}` as MessageKey,
    path: '/admin/enrollment/applications',
    permission: 'enrollment.review',
    count: async () => (await api.get('/api/v1/enrollment/applications', { query: { page: 1, status: 'submitted', kind, pageSize: 1 } })).total,
  })),
  {
    key: 'conflicts',
    label: 'home.todoConflicts',
    path: '/admin/registry/conflicts',
    permission: 'registry.read',
    count: async () => (await api.get('/api/v1/registry/conflicts', { query: { page: 1, status: 'open', pageSize: 1 } })).total,
  },
];

function TodoCount({ kind }: { kind: TodoKind }) {
  const { t } = useI18n();
  const count = useQuery(kind.count, null);
  return (
    <a href={href(kind.path)} data-testid={`home-todo-${kind.key}`} style={{ display: 'block', padding: '8px 0' }}>
      <Statistic title={t(kind.label)} value={count.error ? '—' : (count.data ?? '…')} />
    </a>
  );
}

/** 月度概览 the month's charts of the administrator's regions */
function MonthCharts() {
  const { t } = useI18n();
  const types = useInsuranceTypeLabels();
  const [month, setMonth] = useState(thisMonth);
  const load = useCallback(() => api.get('/api/v1/analysis/month-overview', { query: { month } }), [month]);
  const overview = useQuery(load, null);
  const count = (n: number) => t('home.count', { n });
  return (
    <Col xs={24}>
      <Card
        title={t('home.monthOverview')}
        data-testid="home-charts"
        extra={<MonthPicker testId="home-month" label={t('home.month')} value={month} onChange={(m) => m && setMonth(m)} />}
      >
        <Loaded query={overview}>
          {(o) => (
            <Row gutter={[24, 24]}>
              <Col xs={24} md={12}>
                <DailyBars title={t('home.chartEnrollments')} days={o.days} values={o.enrollments} format={count} testId="chart-enrollments" />
              </Col>
              <Col xs={24} md={12}>
                <DailyBars title={t('home.chartActivations')} days={o.days} values={o.activations} format={count} testId="chart-activations" />
              </Col>
              <Col xs={24} md={12}>
                <DailyBars title={t('home.chartSettlements')} days={o.days} values={o.settlements.count} format={count} testId="chart-settlements" />
              </Col>
              <Col xs={24} md={12}>
                <DailyBars title={t('home.chartFund')} days={o.days} values={o.settlements.fundFen} format={yuan} testId="chart-fund" />
              </Col>
              <Col xs={24}>
                <PairedBars
                  title={t('home.chartReceivables')}
                  legend={[t('home.due'), t('home.received')]}
                  rows={o.receivables.map((r) => ({ key: r.insuranceType, label: types.label(r.insuranceType), a: r.dueFen, b: r.receivedFen }))}
                  format={yuan}
                  testId="chart-receivables"
                  empty={t('home.noReceivables')}
                />
              </Col>
            </Row>
          )}
        </Loaded>
      </Card>
    </Col>
  );
}

function StaffHome({ permissions }: { permissions: ReadonlySet<string> }) {
  const { t } = useI18n();
  const kinds = TODO_KINDS.filter((k) => permissions.has(k.permission));
  if (!kinds.length) return null;
  return (
    <Col xs={24}>
      <Card title={t('home.todo')} data-testid="home-todo">
        <Row gutter={[16, 8]}>
          {kinds.map((k) => (
            <Col key={k.key} xs={12} md={6}>
              <TodoCount kind={k} />
            </Col>
          ))}
        </Row>
      </Card>
    </Col>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  const { me, permissions } = useSession();
  if (!me) return null;
  return (
    <div data-testid="home-page">
      <Typography.Title level={4} data-testid="page-title" style={{ marginTop: 0 }}>
        {t('home.greeting', { name: me.name })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {me.kind === 'person' && <PersonHome />}
        {me.kind === 'unit_agent' && <UnitHome />}
        <StaffHome permissions={permissions} />
        {permissions.has('analysis.read') && <MonthCharts />}
        <Part title={t('menu.profile')} testId="home-profile" link={{ path: '/profile', label: t('home.open') }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('home.profileHint')}
          </Typography.Paragraph>
        </Part>
      </Row>
    </div>
  );
}
