import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';

/** The account facts a session is issued for (read from the account directory at login and refresh). */
export interface SessionSubject {
  id: string;
  kind: AccountKind;
  authLevel: AuthLevel;
  orgId: string | null;
  orgPath: string | null;
  unitId: string | null;
}

/** A password checked against the account a login identifier names, failures counted toward the lockout. */
export type PasswordCheck =
  | { ok: true; accountId: string; passwordExpired: boolean }
  | {
      ok: false;
      reason: 'bad_credentials' | 'locked' | 'deactivated';
      /** the account the identifier names, when there is one (for the login history) */
      accountId: string | null;
      /** end of a failure lockout; null with reason 'locked' means locked by an administrator */
      lockedUntil: Date | null;
    };

/**
 * 账号目录 what authentication needs to know of accounts. The user center owns accounts and their
 * passwords and provides this at start (`provideAccounts`); the auth center never imports it, so the
 * user center may call the auth center (one-time codes, organizations, ending sessions) without a cycle.
 */
export interface AccountDirectory {
  /** checks a password for the live account an identity number, phone or login name names */
  checkPassword(identifier: string, password: string, kind?: AccountKind): Promise<PasswordCheck>;
  /** the live account a login identifier names, or null */
  accountIdOf(identifier: string, kind?: AccountKind): Promise<string | null>;
  /** the facts a session carries, or null when the account may not hold a session (deactivated, locked) */
  sessionSubject(accountId: string, unitId?: string): Promise<SessionSubject | null>;
  /** name and plain identity number, for the real-name provider only */
  identityOf(accountId: string): Promise<{ name: string; idNumber: string | null } | null>;
  /** levels only go up */
  raiseAuthLevel(accountId: string, level: AuthLevel): Promise<void>;
  /** where an account sits in the org tree (null for persons, agents and enterprises), or null for no account */
  orgPathOf(accountId: string): Promise<{ orgPath: string | null } | null>;
  isActiveAgentOf(accountId: string, unitId: string): Promise<boolean>;
  /** the active unit with this unified social credit code, or null */
  unitIdByCreditCode(creditCode: string): Promise<string | null>;
}

const directories = new WeakMap<AppContext, AccountDirectory>();

export const provideAccounts = (ctx: AppContext, directory: AccountDirectory) => void directories.set(ctx, directory);

/** The platform's account directory; unavailable (503) on a deployment that runs auth without the user center. */
export function accountsOf(ctx: AppContext): AccountDirectory {
  const directory = directories.get(ctx);
  if (!directory) throw new DomainError('auth.accounts_unavailable', 'unavailable');
  return directory;
}
