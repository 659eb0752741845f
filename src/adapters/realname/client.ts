/**
 * 实名认证 real-name verification adapter: 实名 L2 (ID number + name checked
 * against the authoritative registry) and 实人 L3 (liveness + face match,
 * performed by the person in the provider's own page/SDK).
 */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';

export type RealNameClientConfig = PartyConfig;

const IdCardVerifyResponse = Type.Object({
  match: Type.Boolean(),
  reason: Type.Optional(Type.String()),
});
/** 实名核验 L2 result; `reason` is the provider's explanation when match is false. */
export type IdCardVerifyResult = Static<typeof IdCardVerifyResponse>;

const LivenessSessionResponse = Type.Object({
  bizToken: Type.String({ minLength: 1 }),
  url: Type.String({ minLength: 1 }),
});
/** 实人认证 liveness session: send the person to `url`, then poll with `bizToken`. */
export type LivenessSession = Static<typeof LivenessSessionResponse>;

const LivenessResultResponse = Type.Object({
  status: Type.Union([Type.Literal('pending'), Type.Literal('passed'), Type.Literal('failed')]),
  idNumber: Type.String(),
  name: Type.String(),
  /** Face-match similarity in [0, 1]; null while pending. */
  score: Type.Union([Type.Number(), Type.Null()]),
  reason: Type.Optional(Type.String()),
});
export type LivenessResult = Static<typeof LivenessResultResponse>;

export interface CreateLivenessSessionInput {
  idNumber: string;
  name: string;
  /** Where the provider's page sends the person back to when done. */
  returnUrl?: string;
}

export interface RealNameClient {
  /** 实名 L2: does this ID number belong to this name? */
  verifyIdentity(idNumber: string, name: string): Promise<IdCardVerifyResult>;
  /** 实人 L3: open a liveness session the person completes on the provider's page. */
  createLivenessSession(input: CreateLivenessSessionInput): Promise<LivenessSession>;
  getLivenessResult(bizToken: string): Promise<LivenessResult>;
}

export function createRealNameClient(config: RealNameClientConfig): RealNameClient {
  return {
    verifyIdentity: (idNumber, name) =>
      callSigned({
        party: 'realname',
        config,
        method: 'POST',
        path: '/v1/idcard/verify',
        body: { idNumber, name },
        responseSchema: IdCardVerifyResponse,
      }),
    createLivenessSession: (input) =>
      callSigned({
        party: 'realname',
        config,
        method: 'POST',
        path: '/v1/liveness/sessions',
        body: { idNumber: input.idNumber, name: input.name, returnUrl: input.returnUrl },
        responseSchema: LivenessSessionResponse,
      }),
    getLivenessResult: (bizToken) =>
      callSigned({
        party: 'realname',
        config,
        method: 'GET',
        path: `/v1/liveness/sessions/${encodeURIComponent(bizToken)}`,
        responseSchema: LivenessResultResponse,
      }),
  };
}
