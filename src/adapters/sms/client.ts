/** 短信网关 SMS gateway adapter: sends templated messages (e.g. 验证码 one-time codes). */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type SmsClientConfig = PartyConfig;

const SendResponse = Type.Object({ messageId: Type.String({ minLength: 1 }) });
export type SmsSendResult = Static<typeof SendResponse>;

export interface SmsClient {
  /** Template ids and their params are agreed with the gateway (短信模板报备) in advance. */
  send(phone: string, template: string, params: Record<string, string>): Promise<SmsSendResult>;
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
  };
}
