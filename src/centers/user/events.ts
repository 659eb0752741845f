/** The user center's events: what other centers (messages, the service centers, audit reports) follow. Payloads carry ids, never personal data. */
import { Type } from '@sinclair/typebox';
import { defineTopic } from '../../kernel/outbox/index.js';
import { ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import { Literals } from '../../kernel/http/schemas.js';

const account = Type.Object({ accountId: Type.String() });
const binding = Type.Object({ unitId: Type.String(), accountId: Type.String() });
/** who locked or unlocked an account */
const lockChange = Type.Object({ accountId: Type.String(), by: Type.String() });

/** 注册 an account of any kind was created (by registration, an administrator or demo data) */
export const ACCOUNT_REGISTERED = defineTopic('user.account_registered', Type.Object({ accountId: Type.String(), kind: Literals(ACCOUNT_KINDS) }));
/** 单位注册 a unit registered with its managing agent */
export const UNIT_REGISTERED = defineTopic('user.unit_registered', Type.Object({ unitId: Type.String(), creditCode: Type.String() }));
/** 新增经办人 an agent bound to a unit */
export const AGENT_BOUND = defineTopic('user.agent_bound', binding);
/** 解除经办人 an agent's binding to a unit revoked (the agent's sessions ended) */
export const AGENT_REVOKED = defineTopic('user.agent_revoked', binding);
/** 注销账号 the owner deactivated the account (its sessions ended) */
export const ACCOUNT_DEACTIVATED = defineTopic('user.account_deactivated', account);
/** 修改密码 the password changed (every session ended) */
export const PASSWORD_CHANGED = defineTopic('user.password_changed', account);
/** 更换手机号 the phone number changed (the new number proven by a code) */
export const PHONE_CHANGED = defineTopic('user.phone_changed', account);
/** 锁定账号 an administrator locked the account (its sessions ended) */
export const ACCOUNT_LOCKED = defineTopic('user.account_locked', lockChange);
/** 解锁账号 an administrator unlocked the account */
export const ACCOUNT_UNLOCKED = defineTopic('user.account_unlocked', lockChange);
