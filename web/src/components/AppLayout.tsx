import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, Popconfirm, Space, Switch, Typography, type MenuProps } from 'antd';
import { createElement, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDisplay } from '../display';
import { useI18n, type MessageKey } from '../i18n';
import { NAV_GROUPS, visiblePages, type NavGroup, type NavPage } from '../nav';
import { navigate } from '../router';
import { useSession } from '../session';
import { LangSwitch } from './LangSwitch';
import { MessageBell } from './MessageBell';

const { Header, Sider, Content } = Layout;

const GROUP_LABELS: Record<NavGroup, MessageKey> = {
  personal: 'menu.personalGroup',
  unit: 'menu.unitGroup',
  registry: 'menu.registryGroup',
  enrollment: 'menu.enrollmentGroup',
  collection: 'menu.collectionGroup',
  policy: 'menu.policyGroup',
  message: 'menu.messageGroup',
  admin: 'menu.admin',
};

type MenuItems = NonNullable<MenuProps['items']>;

/**
 * The menu's items: the account's own pages at the top, then a group per business area. The
 * 长辈版 shows the everyday pages flat, the rest folded under 更多.
 */
function useMenuItems(pages: NavPage[], senior: boolean): MenuItems {
  const { t } = useI18n();
  return useMemo(() => {
    const item = (p: NavPage) => ({ key: p.path, icon: createElement(p.icon), label: <span data-testid={`menu-${p.key}`}>{t(p.label)}</span> });
    if (senior) {
      const more = pages.filter((p) => !p.essential).map(item);
      const essential = pages.filter((p) => p.essential).map(item);
      return more.length ? [...essential, { key: 'more', label: t('menu.more'), children: more }] : essential;
    }
    const own = pages.filter((p) => !p.group).map(item);
    const groups = NAV_GROUPS.map((g) => ({ g, children: pages.filter((p) => p.group === g).map(item) }))
      .filter(({ children }) => children.length)
      .map(({ g, children }) => ({ type: 'group' as const, key: g, label: t(GROUP_LABELS[g]), children }));
    return [...own, ...groups];
  }, [pages, senior, t]);
}

/** 长辈版 on / off, in one tap, remembered */
function SeniorSwitch() {
  const { t } = useI18n();
  const { mode, setMode } = useDisplay();
  return (
    <Space size={4}>
      <Switch
        data-testid="senior-mode"
        aria-label={t('header.seniorMode')}
        checked={mode === 'senior'}
        onChange={(on) => setMode(on ? 'senior' : 'standard')}
        size="small"
      />
      <Typography.Text aria-hidden>{t('header.seniorMode')}</Typography.Text>
    </Space>
  );
}

/**
 * The signed-in frame: on a wide screen a side menu; below 992 px a header button opens the same
 * menu in a drawer, so a phone keeps the whole width for the page. The header has the message bell
 * (every account has an inbox), the masked name, the 长辈版 switch, language and logout.
 */
export function AppLayout({ path, children }: { path: string; children: ReactNode }) {
  const { t, tx } = useI18n();
  const { me, permissions, menus, logout } = useSession();
  const { mode } = useDisplay();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pages = useMemo(() => visiblePages(me, permissions, menus), [me, permissions, menus]);
  const items = useMenuItems(pages, mode === 'senior');
  useEffect(() => setDrawerOpen(false), [path, wide]);

  const menu = (
    <Menu
      data-testid="side-menu"
      mode="inline"
      selectedKeys={[path]}
      defaultOpenKeys={['more']}
      items={items}
      onClick={(e) => navigate(String(e.key))}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const brand = <span style={{ fontWeight: 600, fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.brand')}</span>;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && (
        <Sider
          theme="light"
          width={mode === 'senior' ? 248 : 208}
          // stays in view; the menu scrolls inside it (web/index.html), an administrator's being taller than the window
          className="app-sider"
          style={{ borderRight: '1px solid #f0f0f0', height: '100vh', position: 'sticky', top: 0, insetInlineStart: 0 }}
        >
          <nav aria-label={t('header.menu')}>
            <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', overflow: 'hidden' }}>{brand}</div>
            {menu}
          </nav>
        </Sider>
      )}
      {!wide && (
        <Drawer
          data-testid="nav-drawer"
          title={brand}
          placement="left"
          size={mode === 'senior' ? 300 : 264}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('header.menu')}>{menu}</nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: '#fff', padding: wide ? '0 24px' : '0 12px', borderBottom: '1px solid #f0f0f0', height: 'auto', minHeight: 64, lineHeight: 'normal' }}>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ minHeight: 64, paddingBlock: 8 }}>
            <Space size={8} style={{ minWidth: 0 }}>
              {!wide && <Button data-testid="nav-open" icon={<MenuOutlined />} aria-label={t('header.menu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />}
              {screens.md !== false ? <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text> : !wide && brand}
            </Space>
            <Space size="small" wrap style={{ justifyContent: 'flex-end' }}>
              <MessageBell />
              <Typography.Text data-testid="header-user" style={{ whiteSpace: 'nowrap' }}>
                {me?.name}
                {me?.kind && screens.sm !== false ? <Typography.Text type="secondary"> · {tx(`kind.${me.kind}`, me.kind)}</Typography.Text> : null}
              </Typography.Text>
              <SeniorSwitch />
              <LangSwitch />
              <Popconfirm title={t('header.logout')} onConfirm={() => logout(false)} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'header-logout-confirm' }}>
                <Button size="small" data-testid="header-logout">
                  {t('header.logout')}
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
        </Header>
        <Content style={{ padding: wide ? 24 : 12 }}>{children}</Content>
      </Layout>
    </Layout>
  );
}
