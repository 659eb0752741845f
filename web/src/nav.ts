/**
 * The pages of the signed-in area and who sees them. Admin pages show when the account holds one
 * of the permission codes of the API they call (from GET /auth/me/permissions), or when the
 * server's menu tree names their path.
 */
import type { MessageKey } from './i18n';
import type { Me, MenuNode } from './session';

/** side menu groups, in their order */
export const NAV_GROUPS = ['registry', 'policy', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavPage {
  key: string;
  path: string;
  label: MessageKey;
  /** the side menu's group (none: the account's own pages at the top) */
  group?: NavGroup;
  /** any of these permission codes makes the page visible */
  permissions?: string[];
  visible?: (me: Me) => boolean;
}

export const NAV_PAGES: NavPage[] = [
  { key: 'profile', path: '/profile', label: 'menu.profile' },
  { key: 'history', path: '/history', label: 'menu.history' },
  { key: 'agents', path: '/agents', label: 'menu.agents', visible: (me) => me.kind === 'unit_agent' },
  // permission codes: src/centers/auth/resources.ts (PERMISSIONS); the paths are the menus' paths there
  { key: 'registry', path: '/admin/registry', label: 'menu.registry', group: 'registry', permissions: ['registry.read'] },
  { key: 'conflicts', path: '/admin/registry/conflicts', label: 'menu.conflicts', group: 'registry', permissions: ['registry.read'] },
  { key: 'policy', path: '/admin/policy', label: 'menu.policy', group: 'policy', permissions: ['policy.read'] },
  { key: 'orgs', path: '/admin/orgs', label: 'menu.orgs', group: 'admin', permissions: ['auth.orgs.read'] },
  { key: 'accounts', path: '/admin/accounts', label: 'menu.accounts', group: 'admin', permissions: ['user.accounts.read'] },
  { key: 'roles', path: '/admin/roles', label: 'menu.roles', group: 'admin', permissions: ['auth.roles.read'] },
  { key: 'grants', path: '/admin/grants', label: 'menu.grants', group: 'admin', permissions: ['auth.grants.manage'] },
  { key: 'channels', path: '/admin/channels', label: 'menu.channels', group: 'admin', permissions: ['auth.channels.manage'] },
  { key: 'audit', path: '/admin/audit', label: 'menu.audit', group: 'admin', permissions: ['audit.read'] },
];

function menuPaths(menus: MenuNode[], out = new Set<string>()): Set<string> {
  for (const m of menus) {
    if (m.path) out.add(m.path.replace(/^#/, ''));
    if (m.children?.length) menuPaths(m.children, out);
  }
  return out;
}

export function visiblePages(me: Me | null, permissions: ReadonlySet<string>, menus: MenuNode[]): NavPage[] {
  if (!me) return [];
  const paths = menuPaths(menus);
  return NAV_PAGES.filter((p) => {
    if (p.visible && !p.visible(me)) return false;
    if (!p.permissions) return true;
    return p.permissions.some((code) => permissions.has(code)) || paths.has(p.path);
  });
}
