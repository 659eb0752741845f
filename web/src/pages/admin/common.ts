/** Data the admin pages share: the organization tree and the roles. */
import { api, itemsOf } from '../../api';
import { useQuery } from '../../components/queries';

export interface OrgNode {
  id: string;
  parentId: string | null;
  name: string;
  level: string | number;
  regionCode?: string | null;
  path?: string;
  children?: OrgNode[];
}

export interface Role {
  id: string;
  code: string;
  name: string;
  kind?: string;
  orgId?: string | null;
  permissions?: string[];
  builtIn?: boolean;
}

export interface TreeSelectNode {
  value: string;
  title: string;
  key: string;
  children?: TreeSelectNode[];
}

export function toTreeSelect(nodes: OrgNode[]): TreeSelectNode[] {
  return nodes.map((n) => ({ value: n.id, key: n.id, title: n.name, children: n.children?.length ? toTreeSelect(n.children) : undefined }));
}

export function findOrg(nodes: OrgNode[], id: string | null | undefined): OrgNode | undefined {
  if (!id) return undefined;
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = n.children ? findOrg(n.children, id) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** Accepts a tree, a flat list with parentId, or { items } / { tree }. */
export function normaliseOrgs(raw: unknown): OrgNode[] {
  const list: OrgNode[] = Array.isArray(raw) ? raw : (raw as { tree?: OrgNode[] })?.tree ?? itemsOf(raw as { items?: OrgNode[] });
  if (list.some((n) => n.children?.length)) return list;
  // flat: build the tree
  const byId = new Map(list.map((n) => [n.id, { ...n, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (parent) parent.children!.push(n);
    else roots.push(n);
  }
  return roots;
}

const loadOrgs = async () => normaliseOrgs(await api.get('/auth/orgs'));
const loadRoles = async () => itemsOf(await api.get<Role[] | { items: Role[] }>('/auth/roles'));

export function useOrgs() {
  const { data: orgs, loading, error, reload } = useQuery(loadOrgs, []);
  return { orgs, loading, error, reload };
}

export function useRoles() {
  const { data: roles, loading, error, reload } = useQuery(loadRoles, []);
  return { roles, loading, error, reload };
}
