import { perContext, type AppContext } from '../../kernel/context.js';
import type { FieldCipher } from '../../kernel/crypto/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import { createOAuthClient, createRealNameClient, createSmsClient, isAdapterError, type OAuthClient, type RealNameClient } from '../../adapters/index.js';
import { accountsOf, type AccountDirectory } from './accounts.js';
import { tokenKeyOf } from './authenticator.js';
import type { OtpDeps } from './otp.js';
import type { SessionDeps } from './sessions.js';
import type { ThirdParty } from './contract.js';

/** What the auth center's services work with: the platform's parts, the token key and the external parties' clients. */
export interface AuthDeps extends SessionDeps {
  fields: FieldCipher;
  /** the user center's accounts (provided at start) */
  readonly accounts: AccountDirectory;
  realName: RealNameClient;
  oauth: Record<ThirdParty, OAuthClient>;
  otp: OtpDeps;
}

/** One set of clients per platform instance. */
export const authDeps = perContext(createDeps);

function createDeps(ctx: AppContext): AuthDeps {
  const providers = ctx.config.providers;
  const sms = createSmsClient({ baseUrl: ctx.providerUrls.sms, appId: providers.smsAppId, secret: providers.smsSecret });
  const oauth = (provider: ThirdParty, baseUrl: string) => createOAuthClient({ provider, baseUrl, appId: providers.oauthAppId, secret: providers.oauthSecret });
  return {
    database: ctx.database,
    cache: ctx.cache,
    config: ctx.config,
    audit: ctx.audit,
    fields: ctx.fields,
    tokenKey: tokenKeyOf(ctx),
    get accounts() {
      return accountsOf(ctx);
    },
    realName: createRealNameClient({ baseUrl: ctx.providerUrls.realName, appId: providers.realNameAppId, secret: providers.realNameSecret }),
    oauth: { wechat: oauth('wechat', ctx.providerUrls.wechat), alipay: oauth('alipay', ctx.providerUrls.alipay) },
    otp: {
      cache: ctx.cache,
      ttlSec: ctx.config.auth.otpTtlSec,
      resendSec: ctx.config.auth.otpResendSec,
      send: async (phone, code, purpose) => {
        await sms.send(phone, 'verification_code', { code, purpose, minutes: String(Math.round(ctx.config.auth.otpTtlSec / 60)) }).catch((error) => {
          if (isAdapterError(error)) throw new DomainError('auth.sms_failed', 'upstream_failed', {}, 'phone');
          throw error;
        });
      },
    },
  };
}
