import type { FastifyRequest } from 'fastify';
import type { Actor } from '../actor/index.js';

/** Kinds of account the user center keeps (seed 003 item 1). */
export const ACCOUNT_KINDS = [
  'person', // 公众 / 参保人
  'unit_agent', // 单位经办人
  'institution_staff', // 定点医药机构人员
  'enterprise', // 药企 / 耗材企业 / 配送企业
  'agency_staff', // 经办机构人员
  'expert', // 专家
  'admin', // 管理员
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** 认证等级 assurance level: L1 password/SMS, L2 real-name (实名), L3 real-person liveness (实人). */
export type AuthLevel = 1 | 2 | 3;

export interface UserPrincipal {
  type: 'user';
  accountId: string;
  kind: AccountKind;
  sessionId: string;
  authLevel: AuthLevel;
  /** the organization a staff or admin account belongs to, with its materialized path for scoping */
  orgId: string | null;
  orgPath: string | null;
  /** a unit agent's current unit */
  unitId: string | null;
}

export interface ChannelPrincipal {
  type: 'channel';
  appId: string;
  capabilities: string[];
  /**
   * 绑定机构 the designated institution (registry code) an administrator bound the app to, or null:
   * settlement, payment and bills act for this institution, never for one the request names.
   */
  institutionCode: string | null;
}

export type Principal = UserPrincipal | ChannelPrincipal;

/**
 * What a route requires; every route must declare one (the app refuses to start otherwise).
 * - public: anyone
 * - user: a logged-in account, optionally of given kinds, holding a permission, at a level
 * - channel: a registered channel application with this capability, by signed request
 */
export type AuthRequirement =
  | { public: true }
  | { user: true; kinds?: AccountKind[]; permission?: string; level?: AuthLevel }
  | { channel: string };

/** Implemented by the auth center and handed to the HTTP kernel at composition. */
export interface Authenticator {
  authenticateUser(request: FastifyRequest): Promise<UserPrincipal>;
  authenticateChannel(request: FastifyRequest): Promise<ChannelPrincipal>;
  permissionsOf(principal: UserPrincipal): Promise<ReadonlySet<string>>;
  /** the region-code prefix an organization acts for, or null for an unknown organization */
  regionPrefixOf(orgId: string): Promise<string | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** the signed-in account, resolved by the guard on every route that requires a user */
    actor?: Actor;
    /** the actor holds this permission code (false for channels and anonymous callers) */
    can(permission: string): boolean;
    /** the body as received, for request signatures */
    rawBody?: string;
  }
}

export function requireUser(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (!principal || principal.type !== 'user') throw new Error('route reached without a user principal: check its auth requirement');
  return principal;
}

/** The route's actor; the route's auth requirement must ask for a user. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route reached without an actor: check its auth requirement');
  return request.actor;
}

export function requireChannel(request: FastifyRequest): ChannelPrincipal {
  const principal = request.principal;
  if (!principal || principal.type !== 'channel') throw new Error('route reached without a channel principal: check its auth requirement');
  return principal;
}
