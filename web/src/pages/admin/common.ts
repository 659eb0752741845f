/** Data the admin pages share: the organization tree and the roles. */
import { api, type ItemOf, type Schema } from '../../api';
import { useQuery } from '../../components/queries';

export type OrgNode = Schema<'AuthOrgNode'>;
export type Role = ItemOf<'/api/v1/auth/roles'>;

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

const loadOrgs = async () => (await api.get('/api/v1/auth/orgs')).items;
// the roles an administrator assigns: a few dozen at most, one page
const loadRoles = async () => (await api.get('/api/v1/auth/roles', { query: { page: 1, pageSize: 100 } })).items;

export function useOrgs() {
  const { data: orgs, loading, error, reload } = useQuery<OrgNode[]>(loadOrgs, []);
  return { orgs, loading, error, reload };
}

export function useRoles() {
  const { data: roles, loading, error, reload } = useQuery<Role[]>(loadRoles, []);
  return { roles, loading, error, reload };
}
