/**
 * App push (推送) adapter: a notification to an account's devices. The push service reports
 * delivery later in a signed receipt to the send's callbackUrl (see receipts.ts).
 */
import { Type } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type PushClientConfig = PartyConfig;

const SendResponse = Type.Object({ providerRef: Type.String({ minLength: 1 }) });

export interface PushSendInput {
  accountId: string;
  title: string;
  body: string;
  /** our message id: a repeated reference is the same message (same providerRef, pushed once) */
  reference: string;
  /** where the service POSTs the signed delivery receipt */
  callbackUrl?: string;
}

export interface PushClient {
  /** An account without a registered device is a permanent failure (`isPermanentFailure`). */
  send(input: PushSendInput): Promise<{ providerRef: string }>;
}

export function createPushClient(config: PushClientConfig): PushClient {
  return {
    send: (input) =>
      callSigned({
        party: 'push',
        config,
        method: 'POST',
        path: '/v1/push/messages',
        body: {
          accountId: input.accountId,
          title: input.title,
          body: input.body,
          reference: input.reference,
          ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}),
        },
        responseSchema: SendResponse,
      }),
  };
}
