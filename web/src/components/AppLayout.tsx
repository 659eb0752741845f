import { Button, Flex, Layout, Menu, Popconfirm, Space, Typography, type MenuProps } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { NAV_GROUPS, visiblePages, type NavGroup, type NavPage } from '../nav';
import { navigate } from '../router';
import { useSession } from '../session';
import { LangSwitch } from './LangSwitch';

const { Header, Sider, Content } = Layout;

const GROUP_LABELS: Record<NavGroup, MessageKey> = {
  personal: 'menu.personalGroup',
  unit: 'menu.unitGroup',
  registry: 'menu.registryGroup',
  enrollment: 'menu.enrollmentGroup',
  collection: 'menu.collectionGroup',
  policy: 'menu.policyGroup',
  admin: 'menu.admin',
};

/** Side menu from the account's permissions, header with the masked name, language and logout. */
export function AppLayout({ path, children }: { path: string; children: ReactNode }) {
  const { t, tx } = useI18n();
  const { me, permissions, menus, logout } = useSession();
  const [collapsed, setCollapsed] = useState(false);
  const pages = useMemo(() => visiblePages(me, permissions, menus), [me, permissions, menus]);

  const items = useMemo<MenuProps['items']>(() => {
    const item = (p: NavPage) => ({ key: p.path, label: <span data-testid={`menu-${p.key}`}>{t(p.label)}</span> });
    const own = pages.filter((p) => !p.group).map(item);
    const groups = NAV_GROUPS.map((g) => ({ g, children: pages.filter((p) => p.group === g).map(item) }))
      .filter(({ children }) => children.length)
      .map(({ g, children }) => ({ type: 'group' as const, key: g, label: t(GROUP_LABELS[g]), children }));
    return [...own, ...groups];
  }, [pages, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        theme="light"
        width={208}
        // stays in view; the menu scrolls inside it above the collapse button (web/index.html), an administrator's being taller than the window
        className="app-sider"
        style={{ borderRight: '1px solid #f0f0f0', height: '100vh', position: 'sticky', top: 0, insetInlineStart: 0 }}
      >
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', fontWeight: 600, fontSize: collapsed ? 14 : 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? t('app.brandShort') : t('app.brand')}
        </div>
        <Menu data-testid="side-menu" mode="inline" selectedKeys={[path]} items={items} onClick={(e) => navigate(String(e.key))} style={{ borderInlineEnd: 'none' }} />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
            <Space size="middle">
              <Typography.Text data-testid="header-user">
                {me?.name}
                {me?.kind ? <Typography.Text type="secondary"> · {tx(`kind.${me.kind}`, me.kind)}</Typography.Text> : null}
              </Typography.Text>
              <LangSwitch />
              <Popconfirm title={t('header.logout')} onConfirm={() => logout(false)} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'header-logout-confirm' }}>
                <Button size="small" data-testid="header-logout">
                  {t('header.logout')}
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
        </Header>
        <Content style={{ padding: 24 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
