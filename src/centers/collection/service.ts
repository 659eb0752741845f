/**
 * Shared pieces of the collection center's domain logic: who acts, and the region scope every query
 * applies (the kernel's `RegionScope`: a resource outside it reads as not found).
 */
import type { RegionScope } from '../../kernel/actor/index.js';

/** A clerk or administrator: who (recorded on what they create) and the regions their organization acts for. */
export interface Clerk {
  accountId: string;
  scope: RegionScope;
}

