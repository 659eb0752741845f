/**
 * 短信网关 SMS gateway adapter: sends templated messages (e.g. 验证码 one-time codes) and the message
 * center's plain texts, whose delivery the gateway reports later in a signed receipt (see receipts.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type SmsClientConfig = PartyConfig;

const SendResponse = Type.Object({ messageId: Type.String({ minLength: 1 }) });
export type SmsSendResult = Static<typeof SendResponse>;
const MessageResponse = Type.Object({ providerRef: Type.String({ minLength: 1 }) });

export interface SmsTextInput {
  phone: string;
  text: string;
  /** our message id: the gateway treats a repeated reference as the same text (same providerRef, sent once) */
  reference: string;
  /** where the gateway POSTs the signed delivery receipt */
  callbackUrl?: string;
}

export interface SmsClient {
  /** Template ids and their params are agreed with the gateway (短信模板报备) in advance. */
  send(phone: string, template: string, params: Record<string, string>): Promise<SmsSendResult>;
  /** A plain text; an invalid phone is a permanent failure (`isPermanentFailure`). */
  sendMessage(input: SmsTextInput): Promise<{ providerRef: string }>;
}

export function createSmsClient(config: SmsClientConfig): SmsClient {
  return {
    send: (phone, template, params) =>
      callSigned({
        party: 'sms',
        config,
        method: 'POST',
        path: '/v1/sms/send',
        body: { phone, template, params },
        responseSchema: SendResponse,
      }),
    sendMessage: (input) =>
      callSigned({
        party: 'sms',
        config,
        method: 'POST',
        path: '/v1/sms/messages',
        body: { phone: input.phone, text: input.text, reference: input.reference, ...(input.callbackUrl ? { callbackUrl: input.callbackUrl } : {}) },
        responseSchema: MessageResponse,
      }),
  };
}
