/**
 * The registry's events: what other centers follow about persons and legal entities. Payloads carry
 * no personal data (no name, identity number or phone): read the person or entity for it.
 * Kept free of string formats: the outbox checks payloads with TypeBox, which knows none of them.
 */
import { Type } from '@sinclair/typebox';
import { defineTopic } from '../../kernel/outbox/index.js';
import { Literals } from '../../kernel/http/schemas.js';
import { CANCEL_REASON_CODES, ENTITY_TYPE_CODES, PERSON_CATEGORY_CODES } from './rules.js';

const RegionCode = Type.String({ pattern: '^\\d{6}$', description: '行政区划代码' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Category = Literals(PERSON_CATEGORY_CODES);
/** What made the change: a clerk's request, a batch import, or a decided conflict case (会商). */
export const CHANGE_SOURCES = ['api', 'import', 'conflict'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];
const Source = Literals(CHANGE_SOURCES);
const Cancellation = { reason: Literals(CANCEL_REASON_CODES), date: Day, regionCode: RegionCode };

/** 新增自然人 a person registered (`sourceRef`: the import job, when imported) */
export const PERSON_CREATED = defineTopic(
  'registry.person_created',
  Type.Object({ personId: Type.String(), regionCode: RegionCode, category: Category, birthDate: Day, source: Source, sourceRef: Type.Optional(Type.String()) }),
);

/** 变更 some of a person's fields changed (`fields` names them; the values are read from the person) */
export const PERSON_CHANGED = defineTopic(
  'registry.person_changed',
  Type.Object({ personId: Type.String(), fields: Type.Array(Type.String()), version: Type.Integer(), regionCode: RegionCode, category: Category, source: Source }),
);

/** 注销 a person's record cancelled (death, emigration …) from a date */
export const PERSON_CANCELLED = defineTopic('registry.person_cancelled', Type.Object({ personId: Type.String(), ...Cancellation }));

/** 新增法人 a legal entity registered (a credit code is public) */
export const ENTITY_CREATED = defineTopic(
  'registry.entity_created',
  Type.Object({ entityId: Type.String(), creditCode: Type.String(), regionCode: RegionCode, type: Literals(ENTITY_TYPE_CODES) }),
);

/** 变更 some of a legal entity's fields changed */
export const ENTITY_CHANGED = defineTopic(
  'registry.entity_changed',
  Type.Object({ entityId: Type.String(), fields: Type.Array(Type.String()), version: Type.Integer(), regionCode: RegionCode }),
);

/** 注销 a legal entity cancelled (dissolved …) from a date */
export const ENTITY_CANCELLED = defineTopic('registry.entity_cancelled', Type.Object({ entityId: Type.String(), ...Cancellation }));
