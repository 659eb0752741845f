CREATE SCHEMA "enrollment";
--> statement-breakpoint
CREATE TABLE "enrollment"."employments" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_enrollment_id" text NOT NULL,
	"entity_id" text NOT NULL,
	"person_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"region_code" text NOT NULL,
	"from_month" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment"."history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_id" text,
	"person_id" text,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment"."identities" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment"."status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employment_id" text NOT NULL,
	"month" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment"."unit_enrollments" (
	"id" text PRIMARY KEY NOT NULL,
	"entity_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"region_code" text NOT NULL,
	"from_month" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment"."wage_declarations" (
	"id" text PRIMARY KEY NOT NULL,
	"employment_id" text NOT NULL,
	"person_id" text NOT NULL,
	"year" integer NOT NULL,
	"declared_fen" bigint NOT NULL,
	"base_fen" bigint NOT NULL,
	"lower_fen" bigint NOT NULL,
	"upper_fen" bigint NOT NULL,
	"applied" text NOT NULL,
	"rule_code" text,
	"base_rule_id" text NOT NULL,
	"wage_version_id" text NOT NULL,
	"declared_by" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "employments_person_type_held" ON "enrollment"."employments" USING btree ("person_id","insurance_type") WHERE "enrollment"."employments"."status" <> 'removed';--> statement-breakpoint
CREATE INDEX "employments_unit" ON "enrollment"."employments" USING btree ("unit_enrollment_id","id");--> statement-breakpoint
CREATE INDEX "employments_person" ON "enrollment"."employments" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "employments_region" ON "enrollment"."employments" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "history_entity" ON "enrollment"."history" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "history_person" ON "enrollment"."history" USING btree ("person_id","id");--> statement-breakpoint
CREATE INDEX "identities_person" ON "enrollment"."identities" USING btree ("person_id","start_date");--> statement-breakpoint
CREATE INDEX "status_changes_employment" ON "enrollment"."status_changes" USING btree ("employment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_enrollments_active" ON "enrollment"."unit_enrollments" USING btree ("entity_id","insurance_type") WHERE "enrollment"."unit_enrollments"."status" = 'active';--> statement-breakpoint
CREATE INDEX "unit_enrollments_region" ON "enrollment"."unit_enrollments" USING btree ("region_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_declarations_year" ON "enrollment"."wage_declarations" USING btree ("employment_id","year");