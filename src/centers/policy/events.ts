/** The policy center's events: what centers that keep policy-derived data (receivables, settlements) follow. */
import { Type } from '@sinclair/typebox';
import { defineTopic } from '../../kernel/outbox/index.js';
import { Literals, Nullable } from '../../kernel/http/schemas.js';
import { Month, Region } from './contract.js';
import { POLICY_KINDS } from './types.js';

/** Which version changed: its series (kind, insurance type, region), period and number. */
const versionChange = Type.Object({
  id: Type.String(),
  kind: Literals(POLICY_KINDS),
  /** null for a social average wage */
  insuranceType: Nullable(Type.String()),
  regionCode: Region,
  effectiveFrom: Month,
  effectiveTo: Nullable(Month),
  version: Type.Integer(),
});

/** 发布 a reviewed version was published: it applies from now on in its period */
export const VERSION_PUBLISHED = defineTopic('policy.version_published', versionChange);
/** 作废 a published version was voided: it no longer applies */
export const VERSION_VOIDED = defineTopic('policy.version_voided', versionChange);
