CREATE SCHEMA "policy";
--> statement-breakpoint
CREATE TABLE "policy"."base_rules" (
	"version_id" text PRIMARY KEY NOT NULL,
	"base_kind" text NOT NULL,
	"lower_bound_bp" integer NOT NULL,
	"upper_bound_bp" integer NOT NULL,
	"lower_rule_code" text NOT NULL,
	"upper_rule_code" text NOT NULL,
	"wage_year_offset" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."collection_shares" (
	"version_id" text NOT NULL,
	"position" integer NOT NULL,
	"rule_code" text NOT NULL,
	"payer" text NOT NULL,
	"base_kind" text NOT NULL,
	"rate_ppm" integer NOT NULL,
	"periodicity" text NOT NULL,
	"due_month" integer,
	"fund" text NOT NULL,
	"flow" text NOT NULL,
	"age_at_most" integer,
	"age_above" integer,
	"retired" boolean,
	"categories" jsonb,
	CONSTRAINT "collection_shares_version_id_position_pk" PRIMARY KEY("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "policy"."insurance_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."version_events" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."versions" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"series" text NOT NULL,
	"insurance_type" text,
	"region_code" text NOT NULL,
	"effective_from" integer NOT NULL,
	"effective_to" integer,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"author_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewer_id" text,
	"reviewed_at" timestamp with time zone,
	"publisher_id" text,
	"published_at" timestamp with time zone,
	"voider_id" text,
	"voided_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "policy"."wages" (
	"version_id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"monthly_fen" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy"."base_rules" ADD CONSTRAINT "base_rules_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."collection_shares" ADD CONSTRAINT "collection_shares_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."version_events" ADD CONSTRAINT "version_events_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."wages" ADD CONSTRAINT "wages_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "collection_shares_rule_code" ON "policy"."collection_shares" USING btree ("version_id","rule_code");--> statement-breakpoint
CREATE INDEX "version_events_version" ON "policy"."version_events" USING btree ("version_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "versions_series_version" ON "policy"."versions" USING btree ("series","version");--> statement-breakpoint
CREATE INDEX "versions_published" ON "policy"."versions" USING btree ("series","effective_from") WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "versions_region_created" ON "policy"."versions" USING btree ("region_code","created_at");