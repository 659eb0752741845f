CREATE SCHEMA "collection";
--> statement-breakpoint
CREATE SEQUENCE "collection"."bill_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "collection"."account_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"month" integer NOT NULL,
	"insurance_type" text,
	"source_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."bills" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"entity_id" text NOT NULL,
	"month" integer NOT NULL,
	"region_code" text NOT NULL,
	"unit_fen" bigint NOT NULL,
	"person_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"received_fen" bigint NOT NULL,
	"persons" integer NOT NULL,
	"lines" integer NOT NULL,
	"by_type" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."import_files" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"format" text NOT NULL,
	"file_name" text,
	"sha256" text,
	"status" text DEFAULT 'processing' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_created" integer DEFAULT 0 NOT NULL,
	"rows_replayed" integer DEFAULT 0 NOT NULL,
	"rows_duplicate" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"error_code" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collection"."import_rows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" text NOT NULL,
	"row" integer NOT NULL,
	"outcome" text NOT NULL,
	"reference" text,
	"payment_id" text,
	"payer_key" text,
	"month" integer,
	"insurance_type" text,
	"amount_fen" bigint,
	"field" text,
	"code" text,
	"params" jsonb
);
--> statement-breakpoint
CREATE TABLE "collection"."payments" (
	"id" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"reference" text NOT NULL,
	"file_id" text NOT NULL,
	"row" integer NOT NULL,
	"pooling_region" text NOT NULL,
	"payer_key" text NOT NULL,
	"month" integer NOT NULL,
	"insurance_type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_date" date NOT NULL,
	"status" text DEFAULT 'arrived' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."receivables" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employment_id" text NOT NULL,
	"month" integer NOT NULL,
	"rule_code" text NOT NULL,
	"person_id" text NOT NULL,
	"entity_id" text,
	"enrollment_kind" text NOT NULL,
	"region_code" text NOT NULL,
	"pooling_region" text NOT NULL,
	"insurance_type" text NOT NULL,
	"payer" text NOT NULL,
	"payer_key" text NOT NULL,
	"fund" text NOT NULL,
	"flow" text NOT NULL,
	"periodicity" text NOT NULL,
	"base_kind" text NOT NULL,
	"declared_fen" bigint NOT NULL,
	"base_fen" bigint NOT NULL,
	"base_applied" text NOT NULL,
	"base_rule_code" text,
	"rate_ppm" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"rule_version_id" text NOT NULL,
	"birth_date" text NOT NULL,
	"retired" boolean NOT NULL,
	"category" text,
	"status" text DEFAULT 'due' NOT NULL,
	"run_id" text NOT NULL,
	"payment_id" text,
	"received_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."reconciliation_items" (
	"id" text PRIMARY KEY NOT NULL,
	"reconciliation_id" text NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"payer_key" text NOT NULL,
	"month" integer NOT NULL,
	"insurance_type" text NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint NOT NULL,
	"difference_fen" bigint NOT NULL,
	"references" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collection"."reconciliations" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"month" integer NOT NULL,
	"pools" integer NOT NULL,
	"matched" integer NOT NULL,
	"due_fen" bigint NOT NULL,
	"paid_fen" bigint NOT NULL,
	"counts" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."run_problems" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"employment_id" text NOT NULL,
	"person_id" text NOT NULL,
	"entity_id" text,
	"insurance_type" text NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"params" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."runs" (
	"id" text PRIMARY KEY NOT NULL,
	"month" integer NOT NULL,
	"region_code" text,
	"insurance_type" text,
	"scope_prefix" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"problems" integer DEFAULT 0 NOT NULL,
	"lines_written" integer DEFAULT 0 NOT NULL,
	"lines_cancelled" integer DEFAULT 0 NOT NULL,
	"unit_fen" bigint DEFAULT 0 NOT NULL,
	"person_fen" bigint DEFAULT 0 NOT NULL,
	"fiscal_fen" bigint DEFAULT 0 NOT NULL,
	"cursor" text,
	"claimed_by" text,
	"error_code" text,
	"error_detail" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection"."settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "account_entries_source" ON "collection"."account_entries" USING btree ("source_ref");--> statement-breakpoint
CREATE INDEX "account_entries_person" ON "collection"."account_entries" USING btree ("person_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_entity_month" ON "collection"."bills" USING btree ("entity_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_number" ON "collection"."bills" USING btree ("number");--> statement-breakpoint
CREATE INDEX "bills_region_month" ON "collection"."bills" USING btree ("region_code","month");--> statement-breakpoint
CREATE INDEX "import_files_region" ON "collection"."import_files" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "import_rows_file" ON "collection"."import_rows" USING btree ("file_id","row");--> statement-breakpoint
CREATE INDEX "import_rows_month" ON "collection"."import_rows" USING btree ("month","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference" ON "collection"."payments" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "payments_pool" ON "collection"."payments" USING btree ("pooling_region","month","payer_key","insurance_type");--> statement-breakpoint
CREATE UNIQUE INDEX "receivables_key" ON "collection"."receivables" USING btree ("employment_id","month","rule_code");--> statement-breakpoint
CREATE INDEX "receivables_month_employment" ON "collection"."receivables" USING btree ("month","employment_id");--> statement-breakpoint
CREATE INDEX "receivables_person" ON "collection"."receivables" USING btree ("person_id","month");--> statement-breakpoint
CREATE INDEX "receivables_entity" ON "collection"."receivables" USING btree ("entity_id","month");--> statement-breakpoint
CREATE INDEX "receivables_pool" ON "collection"."receivables" USING btree ("pooling_region","month","payer_key","insurance_type");--> statement-breakpoint
CREATE INDEX "reconciliation_items_of" ON "collection"."reconciliation_items" USING btree ("reconciliation_id","status","kind","id");--> statement-breakpoint
CREATE INDEX "reconciliations_region" ON "collection"."reconciliations" USING btree ("region_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "run_problems_once" ON "collection"."run_problems" USING btree ("run_id","employment_id");--> statement-breakpoint
CREATE INDEX "runs_status" ON "collection"."runs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "runs_scope" ON "collection"."runs" USING btree ("scope_prefix","id");