/** 授权管理 organizations, roles and grants: delegated administration inside an org subtree. */
import { and, count, eq, inArray, like, or, type Column, type SQL } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { AccountDirectory } from './accounts.js';
import type { GrantView, MenuView, OrgNodeView, ResourceNodeView, RoleView } from './contract.js';
import { grants, orgs, resources, roleResources, roles } from './schema.js';
import { RESOURCES } from './resources.js';

/** An administrator as delegated administration sees them: who, where in the org tree, holding what. */
export type Admin = Pick<Actor, 'accountId' | 'orgPath' | 'can'>;

type Org = typeof orgs.$inferSelect;
const CHILD_LEVEL: Record<Org['level'], Org['level'] | null> = { national: 'province', province: 'city', city: 'agency', agency: null };
/** digits of the region code a child shares with its parent (GB/T 2260: province 2, city 4) */
const SHARED_DIGITS: Record<Org['level'], number> = { national: 0, province: 2, city: 4, agency: 6 };

/**
 * 区划范围 the region-code prefix an organization owns: a province the first 2 digits of its code, a
 * city the first 4; an agency office acts for its city's pooling region (市级统筹, 全市通办), so
 * also 4; the national level owns every region ('').
 */
export function regionPrefixOf(org: { level: string; regionCode: string }): string {
  if (org.level === 'national') return '';
  if (org.level === 'province') return org.regionCode.slice(0, 2);
  return org.regionCode.slice(0, 4);
}

/**
 * 管理范围 an org path lies within an administrator's scope: their own organization or one below it
 * (org paths are materialized, '/org_national/org_henan/'). Nothing lies within a missing scope.
 */
export const within = (path: string | null | undefined, scope: string | null | undefined) =>
  Boolean(path && scope && path.startsWith(scope));

/** `within` for a query: the column's org path lies within the scope (LIKE's wildcards in ids taken literally). */
export const withinSql = (column: Column | SQL, scope: string): SQL => like(column, `${scope.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

/** Upserts the resource catalog the code defines, so permission codes and menus exist on every node. */
export async function syncResources(db: Db) {
  for (const r of RESOURCES) {
    await db
      .insert(resources)
      .values(r)
      .onConflictDoUpdate({ target: resources.code, set: { parentCode: r.parentCode, kind: r.kind, name: r.name, nameEn: r.nameEn, path: r.path, sort: r.sort } });
  }
}

/** The agency offices' regions and names, by region code (an office per region; the first by id if more). */
export async function agencyRegions(db: Db): Promise<Array<{ regionCode: string; name: string }>> {
  const rows = await db.select({ regionCode: orgs.regionCode, name: orgs.name }).from(orgs).where(eq(orgs.level, 'agency')).orderBy(orgs.regionCode, orgs.id);
  return rows.filter((row, i) => i === 0 || rows[i - 1].regionCode !== row.regionCode);
}

export async function getOrg(db: Db, id: string): Promise<Org | undefined> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, id));
  return org;
}

export async function insertOrg(db: Db, input: { id?: string; parent: Org | null; name: string; level: Org['level']; regionCode: string }) {
  const id = input.id ?? newId('org');
  const path = `${input.parent?.path ?? '/'}${id}/`;
  const [org] = await db
    .insert(orgs)
    .values({ id, parentId: input.parent?.id ?? null, name: input.name, level: input.level, regionCode: input.regionCode, path })
    .returning();
  return org;
}

/** A child org: its level is one below the parent's and its region code lies inside the parent's region. */
export async function createOrg(db: Db, admin: Admin, input: { parentId: string; name: string; level: Org['level']; regionCode: string }) {
  const parent = await getOrg(db, input.parentId);
  if (!parent) throw badRequest('auth.org_not_found', 'parentId');
  if (!within(parent.path, admin.orgPath)) throw forbidden('auth.out_of_scope');
  if (CHILD_LEVEL[parent.level] !== input.level) throw badRequest('auth.org_level_invalid', 'level', { expected: CHILD_LEVEL[parent.level] ?? '-' });
  const shared = SHARED_DIGITS[parent.level];
  if (input.regionCode.slice(0, shared) !== parent.regionCode.slice(0, shared)) throw badRequest('auth.org_region_outside', 'regionCode');
  const org = await insertOrg(db, { parent, name: input.name, level: input.level, regionCode: input.regionCode });
  return { id: org.id, parentId: org.parentId, name: org.name, level: org.level, regionCode: org.regionCode };
}

/** The administrator's organization and everything below it, as a tree (none for an account without an org). */
export async function orgTree(db: Db, admin: Admin): Promise<OrgNodeView[]> {
  if (!admin.orgPath) return [];
  const rows = await db.select().from(orgs).where(withinSql(orgs.path, admin.orgPath)).orderBy(orgs.path);
  const byId = new Map<string, OrgNodeView>();
  const roots: OrgNodeView[] = [];
  for (const row of rows) {
    const node: OrgNodeView = { id: row.id, parentId: row.parentId, name: row.name, level: row.level, regionCode: row.regionCode, children: [] };
    byId.set(row.id, node);
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** 权限 the API permission codes an account holds through its roles. */
export async function permissionCodes(db: Db, accountId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ code: roleResources.resourceCode })
    .from(grants)
    .innerJoin(roleResources, eq(roleResources.roleId, grants.roleId))
    .where(eq(grants.accountId, accountId));
  return new Set(rows.map((r) => r.code));
}

/** Menus to show: a menu appears when the account holds any permission beneath it. */
export function menusFor(permissions: ReadonlySet<string>, locale: 'zh-CN' | 'en'): MenuView[] {
  const children = (parent: string | null): MenuView[] =>
    RESOURCES.filter((r) => r.parentCode === parent && (r.kind === 'subsystem' || r.kind === 'menu'))
      .sort((a, b) => a.sort - b.sort)
      .map((r) => ({ code: r.code, name: locale === 'en' ? r.nameEn : r.name, path: r.path, children: children(r.code) }))
      .filter((m) => m.children.length > 0 || RESOURCES.some((r) => r.parentCode === m.code && r.kind === 'api' && permissions.has(r.code)));
  return children(null);
}

export function resourceTree(): ResourceNodeView[] {
  const build = (parent: string | null): ResourceNodeView[] =>
    RESOURCES.filter((r) => r.parentCode === parent)
      .sort((a, b) => a.sort - b.sort)
      .map((r) => ({ ...r, children: build(r.code) }));
  return build(null);
}

const API_CODES = new Set(RESOURCES.filter((r) => r.kind === 'api').map((r) => r.code));

/**
 * 分级授权 delegated administration: an admin creates roles only in orgs inside their scope and only
 * with permissions they hold themselves, so no one can hand out more than they have.
 */
export async function createRole(db: Db, admin: Admin, input: { code: string; name: string; kind: 'business' | 'admin'; orgId: string; permissions: string[] }): Promise<RoleView> {
  const org = await getOrg(db, input.orgId);
  if (!org) throw badRequest('auth.org_not_found', 'orgId');
  if (!within(org.path, admin.orgPath)) throw forbidden('auth.out_of_scope');
  const unknown = input.permissions.find((p) => !API_CODES.has(p));
  if (unknown) throw badRequest('auth.permission_unknown', 'permissions', { permission: unknown });
  const beyond = input.permissions.find((p) => !admin.can(p));
  if (beyond) throw forbidden('auth.permission_beyond_own', { permission: beyond });
  const existing = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.orgId, org.id), eq(roles.code, input.code)));
  if (existing.length) throw conflict('auth.role_code_taken', {}, 'code');
  return roleView(await insertRole(db, { ...input, org }), input.permissions);
}

export async function getRole(db: Db, id: string) {
  const [role] = await db.select().from(roles).where(eq(roles.id, id));
  return role;
}

export async function insertRole(db: Db, input: { id?: string; code: string; name: string; kind: 'business' | 'admin'; org: Org; permissions: string[]; builtIn?: boolean }) {
  const id = input.id ?? newId('role');
  const [role] = await db
    .insert(roles)
    .values({ id, code: input.code, name: input.name, kind: input.kind, orgId: input.org.id, orgPath: input.org.path, builtIn: input.builtIn ?? false })
    .returning();
  if (input.permissions.length) await db.insert(roleResources).values(input.permissions.map((resourceCode) => ({ roleId: id, resourceCode })));
  return role;
}

export async function setRolePermissions(db: Db, roleId: string, permissions: string[]) {
  await transaction(db, async (tx) => {
    await tx.delete(roleResources).where(eq(roleResources.roleId, roleId));
    if (permissions.length) await tx.insert(roleResources).values(permissions.map((resourceCode) => ({ roleId, resourceCode })));
  });
}

/** Roles an admin may see and grant: those owned by an org on the path to them or inside their scope. */
function visibleTo(admin: Admin): SQL | undefined {
  if (!admin.orgPath) return undefined;
  const ancestors = admin.orgPath.split('/').filter(Boolean);
  return or(inArray(roles.orgId, ancestors), withinSql(roles.orgPath, admin.orgPath));
}

export async function visibleRoles(db: Db, admin: Admin, page: { page: number; pageSize: number }) {
  const where = visibleTo(admin);
  if (!where) return { items: [], total: 0, ...page };
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(roles)
      .where(where)
      .orderBy(roles.orgPath, roles.code, roles.id)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(roles).where(where),
  ]);
  const perms = rows.length ? await db.select().from(roleResources).where(inArray(roleResources.roleId, rows.map((r) => r.id))) : [];
  const items = rows.map((r) => roleView(r, perms.filter((p) => p.roleId === r.id).map((p) => p.resourceCode)));
  return { items, total: Number(total), ...page };
}

function roleView(role: typeof roles.$inferSelect, permissions: string[]): RoleView {
  return { id: role.id, code: role.code, name: role.name, kind: role.kind, orgId: role.orgId, builtIn: role.builtIn, permissions };
}

/**
 * 授予角色 grants a role the admin can see to an account within their scope, only when the admin
 * holds every permission of the role.
 */
export async function grantRole(db: Db, accounts: AccountDirectory, admin: Admin, input: { accountId: string; roleId: string }): Promise<GrantView> {
  const { accountId, roleId } = input;
  const target = await accounts.orgPathOf(accountId);
  if (!target) throw badRequest('auth.account_not_found', 'accountId');
  if (!within(target.orgPath, admin.orgPath)) throw forbidden('auth.out_of_scope');
  const where = visibleTo(admin);
  const [role] = where ? await db.select().from(roles).where(and(eq(roles.id, roleId), where)) : [];
  if (!role) throw badRequest('auth.role_not_found', 'roleId');
  const permissions = await db.select({ code: roleResources.resourceCode }).from(roleResources).where(eq(roleResources.roleId, role.id));
  const beyond = permissions.find((p) => !admin.can(p.code));
  if (beyond) throw forbidden('auth.permission_beyond_own', { permission: beyond.code });
  const [grant] = await db
    .insert(grants)
    .values({ id: newId('grant'), accountId, roleId, grantedBy: admin.accountId })
    .onConflictDoNothing()
    .returning();
  if (!grant) throw conflict('auth.grant_exists', {}, 'roleId');
  return { id: grant.id, accountId: grant.accountId, role: { id: role.id, code: role.code, name: role.name }, createdAt: grant.createdAt.toISOString() };
}

/** An account outside the admin's scope, like one that does not exist, is not found. */
async function requireInScope(accounts: AccountDirectory, admin: Admin, accountId: string, code: string) {
  const target = await accounts.orgPathOf(accountId);
  if (!target || !within(target.orgPath, admin.orgPath)) throw notFound(code);
}

/** The roles granted to an account within the admin's scope. */
export async function grantsOf(db: Db, accounts: AccountDirectory, admin: Admin, accountId: string): Promise<GrantView[]> {
  await requireInScope(accounts, admin, accountId, 'auth.account_not_found');
  const rows = await db
    .select({ id: grants.id, accountId: grants.accountId, createdAt: grants.createdAt, role: { id: roles.id, code: roles.code, name: roles.name } })
    .from(grants)
    .innerJoin(roles, eq(roles.id, grants.roleId))
    .where(eq(grants.accountId, accountId));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** 收回角色 revokes a grant to an account within the admin's scope; returns the account whose permissions changed. */
export async function revokeGrant(db: Db, accounts: AccountDirectory, admin: Admin, grantId: string): Promise<string> {
  const [grant] = await db.select().from(grants).where(eq(grants.id, grantId));
  if (!grant) throw notFound('auth.grant_not_found');
  await requireInScope(accounts, admin, grant.accountId, 'auth.grant_not_found');
  await db.delete(grants).where(eq(grants.id, grant.id));
  return grant.accountId;
}

export async function insertGrant(db: Db, accountId: string, roleId: string) {
  await db.insert(grants).values({ id: newId('grant'), accountId, roleId }).onConflictDoNothing();
}

