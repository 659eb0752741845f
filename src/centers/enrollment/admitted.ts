/** Which enrollment kinds an insurance type admits is policy data: checked wherever an enrollment is asked for. */
import type { AppContext } from '../../kernel/context.js';
import { DomainError, badRequest } from '../../kernel/errors/index.js';
import * as policy from '../policy/index.js';
import type { EnrollmentKind } from './rules.js';

/**
 * The insurance type exists (else a 400) and admits the enrollment kind (else a 422), both naming
 * `insuranceType`: a 城乡居民 application cannot ask for 310, nor a unit enrol in 390.
 */
export async function requireAdmitted(ctx: AppContext, insuranceType: string, kind: EnrollmentKind): Promise<void> {
  const admitted = await policy.admittedEnrollmentKinds(ctx, insuranceType);
  if (!admitted) throw badRequest('enrollment.insurance_type_unknown', 'insuranceType', { insuranceType });
  if (!admitted.includes(kind)) {
    throw new DomainError('enrollment.insurance_type_not_admitted', 'unprocessable', { insuranceType, kind, admitted: admitted.join(', ') }, 'insuranceType');
  }
}
