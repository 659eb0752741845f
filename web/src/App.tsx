import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { setApiLanguage } from './api';
import { AppLayout } from './components/AppLayout';
import { DisplayContext, initialDisplayMode, saveDisplayMode, THEMES, type Display, type DisplayMode } from './display';
import { antdLocales, I18nContext, initialLang, saveLang, translate, useI18n, type I18n, type Lang } from './i18n';
import { NAV_PAGES, visiblePages } from './nav';
import LoginPage from './pages/Login';
import ProfilePage from './pages/Profile';
import RegisterPage from './pages/Register';
import ForgotPasswordPage from './pages/ForgotPassword';
import { HOME, href, navigate, useRoute } from './router';
import { SessionProvider, useSession } from './session';

// Pages most people never open are loaded on demand.
const HomePage = lazy(() => import('./pages/Home'));
const LoginHistoryPage = lazy(() => import('./pages/LoginHistory'));
const AgentsPage = lazy(() => import('./pages/Agents'));
const OrgsPage = lazy(() => import('./pages/admin/Orgs'));
const AccountsPage = lazy(() => import('./pages/admin/Accounts'));
const RolesPage = lazy(() => import('./pages/admin/Roles'));
const GrantsPage = lazy(() => import('./pages/admin/Grants'));
const ChannelsPage = lazy(() => import('./pages/admin/Channels'));
const AuditPage = lazy(() => import('./pages/admin/Audit'));
const RegistryPage = lazy(() => import('./pages/registry/Registry'));
const EntitiesPage = lazy(() => import('./pages/registry/Entities'));
const ConflictsPage = lazy(() => import('./pages/registry/Conflicts'));
const InstitutionsPage = lazy(() => import('./pages/registry/Institutions'));
const PolicyPage = lazy(() => import('./pages/policy/Policy'));
const LivenessDonePage = lazy(() => import('./pages/LivenessDone'));
const ReviewApplicationsPage = lazy(() => import('./pages/enrollment/Applications'));
const PersonalApplicationsPage = lazy(() => import('./pages/personal/Applications'));
const PersonalEnrollmentPage = lazy(() => import('./pages/personal/Enrollment'));
const PersonalAccountPage = lazy(() => import('./pages/personal/Account'));
const PersonalContributionsPage = lazy(() => import('./pages/personal/Contributions'));
const PersonalStatementPage = lazy(() => import('./pages/personal/Statement'));
const PersonalBenefitsPage = lazy(() => import('./pages/personal/Benefits'));
const UnitInfoPage = lazy(() => import('./pages/unit/Info'));
const UnitBillsPage = lazy(() => import('./pages/unit/Bills'));
const UnitEmployeesPage = lazy(() => import('./pages/unit/Employees'));
const CollectionRunsPage = lazy(() => import('./pages/collection/Runs'));
const CollectionBillsPage = lazy(() => import('./pages/collection/Bills'));
const CollectionPaymentsPage = lazy(() => import('./pages/collection/Payments'));
const ReconciliationPage = lazy(() => import('./pages/collection/Reconciliation'));
const MyBillsPage = lazy(() => import('./pages/bill/MyBills'));
const VoucherPage = lazy(() => import('./pages/voucher/Voucher'));
const RiskEventsPage = lazy(() => import('./pages/voucher/RiskEvents'));
const SettlementRiskEventsPage = lazy(() => import('./pages/settlement/RiskEvents'));
const MyPaymentsPage = lazy(() => import('./pages/payment/MyPayments'));
const PaymentReconciliationPage = lazy(() => import('./pages/payment/Reconciliation'));
const VerifyBillPage = lazy(() => import('./pages/bill/Verify'));
const InboxPage = lazy(() => import('./pages/message/Inbox'));
const MessageLogPage = lazy(() => import('./pages/message/Log'));
const MessageStatsPage = lazy(() => import('./pages/message/Stats'));
const MessageTemplatesPage = lazy(() => import('./pages/message/Templates'));
const MessageRulesPage = lazy(() => import('./pages/message/Rules'));

const PAGES: Record<string, ComponentType | LazyExoticComponent<ComponentType>> = {
  home: HomePage,
  profile: ProfilePage,
  history: LoginHistoryPage,
  agents: AgentsPage,
  orgs: OrgsPage,
  accounts: AccountsPage,
  roles: RolesPage,
  grants: GrantsPage,
  channels: ChannelsPage,
  audit: AuditPage,
  registry: RegistryPage,
  entities: EntitiesPage,
  conflicts: ConflictsPage,
  institutions: InstitutionsPage,
  policy: PolicyPage,
  reviewApplications: ReviewApplicationsPage,
  personalApply: PersonalApplicationsPage,
  personalEnrollment: PersonalEnrollmentPage,
  personalAccount: PersonalAccountPage,
  personalContributions: PersonalContributionsPage,
  personalStatement: PersonalStatementPage,
  personalBenefits: PersonalBenefitsPage,
  unitInfo: UnitInfoPage,
  unitBills: UnitBillsPage,
  unitEmployees: UnitEmployeesPage,
  collectionRuns: CollectionRunsPage,
  collectionBills: CollectionBillsPage,
  collectionPayments: CollectionPaymentsPage,
  collectionReconciliation: ReconciliationPage,
  personalBills: MyBillsPage,
  voucher: VoucherPage,
  voucherRisk: RiskEventsPage,
  settlementRisk: SettlementRiskEventsPage,
  personalPayments: MyPaymentsPage,
  paymentReconciliation: PaymentReconciliationPage,
  messages: InboxPage,
  messageLog: MessageLogPage,
  messageStats: MessageStatsPage,
  messageTemplates: MessageTemplatesPage,
  messageRules: MessageRulesPage,
};

const PUBLIC_PATHS = new Set(['/login', '/register', '/forgot-password']);
/** shown with or without a session */
const OPEN_PAGES: Record<string, LazyExoticComponent<ComponentType>> = { '/liveness-done': LivenessDonePage, '/bill/verify': VerifyBillPage };
const OPEN_PATHS = new Set(Object.keys(OPEN_PAGES));

function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

function Routes() {
  const { path } = useRoute();
  const { status, me, permissions, menus } = useSession();
  const { t } = useI18n();

  useEffect(() => {
    if (OPEN_PATHS.has(path)) return;
    if (status === 'anonymous' && !PUBLIC_PATHS.has(path)) navigate(`/login${path !== '/' && path !== HOME ? `?next=${encodeURIComponent(path)}` : ''}`, { replace: true });
    if (status === 'ready' && (PUBLIC_PATHS.has(path) || path === '/')) navigate(HOME, { replace: true });
  }, [status, path]);

  if (OPEN_PATHS.has(path) && status !== 'loading') {
    const OpenPage = OPEN_PAGES[path];
    return (
      <Suspense fallback={<Loading />}>
        <OpenPage />
      </Suspense>
    );
  }
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous') {
    if (path === '/register') return <RegisterPage />;
    if (path === '/forgot-password') return <ForgotPasswordPage />;
    return <LoginPage />;
  }
  if (PUBLIC_PATHS.has(path) || path === '/') return <Loading />;

  const page = NAV_PAGES.find((p) => p.path === path);
  const allowed = page && visiblePages(me, permissions, menus).some((p) => p.key === page.key);
  const Page = page ? PAGES[page.key] : undefined;
  return (
    <AppLayout path={path}>
      {!page || !Page ? (
        <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Button href={href(HOME)}>{t('app.backHome')}</Button>} />
      ) : !allowed ? (
        <Result status="403" title="403" subTitle={t('app.noPermission')} extra={<Button href={href(HOME)}>{t('app.backHome')}</Button>} />
      ) : (
        <Suspense fallback={<Loading />}>
          <Page key={path} />
        </Suspense>
      )}
    </AppLayout>
  );
}

export default function App() {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    return l;
  });

  const [mode, setModeState] = useState<DisplayMode>(initialDisplayMode);
  const display = useMemo<Display>(
    () => ({
      mode,
      setMode: (m) => {
        saveDisplayMode(m);
        setModeState(m);
      },
    }),
    [mode],
  );

  const setLang = useCallback((l: Lang) => {
    setApiLanguage(l);
    saveLang(l);
    setLangState(l);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  useEffect(() => {
    // the stylesheet's senior rules (web/index.html) key on it
    document.documentElement.dataset.display = mode;
  }, [mode]);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback, params) => translate(lang, key, params, fallback),
    }),
    [lang, setLang],
  );

  return (
    <I18nContext.Provider value={i18n}>
      <DisplayContext.Provider value={display}>
        <ConfigProvider locale={antdLocales[lang]} theme={THEMES[mode]}>
          <AntApp>
            <SessionProvider>
              <Routes />
            </SessionProvider>
          </AntApp>
        </ConfigProvider>
      </DisplayContext.Provider>
    </I18nContext.Provider>
  );
}
