/**
 * What the personal center answers: the person's own registry record (masked), and the views of
 * the enrollment and collection centers it answers for them, with a few fields of its own. The
 * service's functions return these schemas' static types, so the compiler keeps the two in step.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Page } from '../../kernel/http/schemas.js';
import * as registry from '../registry/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';

const { id, name, idNumber, birthDate, sex, phone, regionCode, category, status } = registry.PersonView.properties;
/** 基本信息 the person's registry record, masked as any screen over their shoulder would show it (the birth date in full). */
export const MyRecordView = Type.Object({ id, name, idNumber, birthDate, sex, phone, regionCode, category, status }, { description: '基本信息（脱敏） my registry record, masked' });
export type MyRecordView = Static<typeof MyRecordView>;

const employment = enrollment.EmploymentView.properties;
/** One enrollment in the overview, with the unit behind it (a legal entity's name is public). */
export const MyEnrollmentView = Type.Object(
  {
    id: employment.id,
    kind: employment.kind,
    insuranceType: employment.insuranceType,
    regionCode: employment.regionCode,
    fromMonth: employment.fromMonth,
    status: employment.status,
    unit: Nullable(Type.Object({ entityId: Type.String(), name: Nullable(Type.String()) })),
  },
  { description: '参保 an enrollment, with its unit' },
);

/** 个人信息 the overview: `registered` false (and nothing else) when the registry holds no person with the account's identity number. */
export const OverviewView = Type.Object(
  {
    registered: Type.Boolean(),
    person: Nullable(MyRecordView),
    enrollments: Type.Array(MyEnrollmentView),
    identities: Type.Array(enrollment.IdentityView),
  },
  { description: '个人信息 my overview' },
);
export type OverviewView = Static<typeof OverviewView>;

/** 参保信息 an enrollment with its status changes, declared bases and the unit's name. */
export const MyEnrollmentDetailView = Type.Object(
  { ...enrollment.EmploymentDetailView.properties, unitName: Nullable(Type.String()) },
  { description: '参保信息 an enrollment in detail, with its unit’s name' },
);
export type MyEnrollmentDetailView = Static<typeof MyEnrollmentDetailView>;

export const MyEnrollmentPage = Page(MyEnrollmentDetailView);
export const EnrollmentHistoryPage = Page(enrollment.HistoryView);
export const ApplicationPage = Page(enrollment.ApplicationWithApplicantView);
export const ContributionPage = Page(collection.ReceivableView);
export const BenefitPage = Page(collection.AccountEntryView);
