/** What issuing and voiding need beyond the database: the finance bureau's numbering and the platform's signing key. */
import { createFinanceClient, type FinanceClient } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { sm2PublicKeyFromPrivateKey } from '../../kernel/crypto/index.js';

/** The platform's bill-signing key pair (SM2). */
export interface BillSigner {
  publicKey: string;
  privateKey: string;
}

export interface BillDeps {
  ctx: AppContext;
  finance: FinanceClient;
  signer: BillSigner;
}

export function billDeps(ctx: AppContext): BillDeps {
  const privateKey = ctx.config.keys.billSigning;
  const p = ctx.config.providers;
  return {
    ctx,
    finance: createFinanceClient({ baseUrl: ctx.providerUrls.finance, appId: p.financeAppId, secret: p.financeSecret }),
    signer: { privateKey, publicKey: sm2PublicKeyFromPrivateKey(privateKey) },
  };
}
