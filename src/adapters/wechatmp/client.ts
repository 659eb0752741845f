/**
 * 微信公众号 WeChat official account adapter: 模板消息 template messages to a follower's openId. The
 * platform reports delivery later in a signed receipt to the send's callbackUrl (see receipts.ts).
 */
import { Type } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type WechatMpClientConfig = PartyConfig;

const SendResponse = Type.Object({ providerRef: Type.String({ minLength: 1 }) });

export interface WechatMpSendInput {
  openId: string;
  /** the template registered with the official account (模板ID) */
  templateId: string;
  /** the template's keywords and their values */
  data: Record<string, string>;
  /** our message id: a repeated reference is the same message (same providerRef, sent once) */
  reference: string;
  /** where the platform POSTs the signed delivery receipt */
  callbackUrl?: string;
}

export interface WechatMpClient {
  /** An unknown or unfollowed openId is a permanent failure (`isPermanentFailure`). */
  send(input: WechatMpSendInput): Promise<{ providerRef: string }>;
}

export function createWechatMpClient(config: WechatMpClientConfig): WechatMpClient {
  return {
    send: (input) =>
      callSigned({
        party: 'wechatmp',
        config,
        method: 'POST',
        path: '/v1/wechatmp/messages',
        body: {
          openId: input.openId,
          templateId: input.templateId,
          data: input.data,
          reference: input.reference,
          ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}),
        },
        responseSchema: SendResponse,
      }),
  };
}
