CREATE TABLE "enrollment"."applications" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_id" text NOT NULL,
	"account_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"region_code" text NOT NULL,
	"from_month" integer NOT NULL,
	"monthly_base_fen" bigint,
	"employment_id" text,
	"reason" text,
	"subject" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment"."employments" ALTER COLUMN "unit_enrollment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment"."employments" ALTER COLUMN "entity_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment"."employments" ADD COLUMN "kind" text DEFAULT 'employee' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_pending_once" ON "enrollment"."applications" USING btree ("person_id","subject") WHERE "enrollment"."applications"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "applications_person" ON "enrollment"."applications" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "applications_region_status" ON "enrollment"."applications" USING btree ("region_code","status","id");--> statement-breakpoint
CREATE INDEX "employments_entity" ON "enrollment"."employments" USING btree ("entity_id","id");