-- 首次申办: an application may carry the registry record of an applicant the registry does not hold yet
-- (person_id null until approval creates the person); such an applicant may not apply twice while pending.
ALTER TABLE "enrollment"."applications" ALTER COLUMN "person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment"."applications" ADD COLUMN "declared" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_pending_once_declared" ON "enrollment"."applications" USING btree ("account_id","subject") WHERE "enrollment"."applications"."status" = 'submitted' and "enrollment"."applications"."person_id" is null;