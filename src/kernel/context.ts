import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config/index.js';
import type { Database, Db } from './db/index.js';
import type { Cache } from './cache/index.js';
import type { AuditLog } from './audit/index.js';
import type { Outbox } from './outbox/index.js';
import type { FieldCipher } from './crypto/index.js';
import type { App } from './http/app.js';

/** What a center gets from the platform: shared infrastructure, never another center's internals. */
export interface AppContext {
  config: Config;
  database: Database;
  cache: Cache;
  fields: FieldCipher;
  audit: AuditLog;
  outbox: Outbox;
  log: FastifyBaseLogger;
  /** external party base URLs actually in use (configured, or local fakes in development) */
  providerUrls: {
    realName: string;
    sms: string;
    wechat: string;
    alipay: string;
    finance: string;
    /** the SMTP server, an smtp:// or smtps:// URL */
    smtp: string;
    /** 公众号 template messages */
    wechatMp: string;
    /** app push */
    push: string;
    /** the local SMTP fake's HTML inbox (development only), else null */
    mailInbox: string | null;
  };
}

export interface CenterModule {
  name: string;
  /** routes under /api/v1/<name>/ */
  routes(app: App, ctx: AppContext): Promise<void>;
  /** event subscriptions and timers */
  start?(ctx: AppContext): Promise<void>;
  /** demo data on an empty database; must be idempotent */
  seedDemo?(ctx: AppContext): Promise<void>;
}

/**
 * One instance per platform instance (a worker, a client, a memo), made on first use: a center's
 * runtime state hangs off the context it was built for, so two platforms in one process (tests, a
 * second node) never share it.
 */
export function perContext<T>(make: (ctx: AppContext) => T): (ctx: AppContext) => T {
  const instances = new WeakMap<AppContext, T>();
  return (ctx) => {
    let instance = instances.get(ctx);
    if (instance === undefined) instances.set(ctx, (instance = make(ctx)));
    return instance;
  };
}

/**
 * The context with its database bound to an open transaction: for work inside a transaction that reads
 * through other centers' index.ts (an outbox subscriber), so those reads see the transaction and, on
 * PGlite's single connection, do not wait for it to end. Prepared statements run outside transactions
 * and are refused here.
 */
export function inTransaction(ctx: AppContext, tx: Db): AppContext {
  return {
    ...ctx,
    database: {
      ...ctx.database,
      db: tx,
      rows: (query, executor = tx) => ctx.database.rows(query, executor),
      prepared: () => Promise.reject(new Error('prepared statements run outside transactions')),
    },
  };
}
