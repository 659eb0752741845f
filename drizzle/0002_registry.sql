CREATE SCHEMA "registry";
--> statement-breakpoint
CREATE TABLE "registry"."conflicts" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"region_code" text NOT NULL,
	"fingerprint" text NOT NULL,
	"existing" jsonb NOT NULL,
	"incoming" jsonb NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"opened_by" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "registry"."entities" (
	"id" text PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"region_code" text NOT NULL,
	"legal_rep_name" text NOT NULL,
	"legal_rep_id_number_enc" text,
	"status" text DEFAULT 'active' NOT NULL,
	"cancel_reason" text,
	"cancelled_on" date,
	"cancel_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_id" text,
	"actor_kind" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."import_chunks" (
	"job_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data_enc" text NOT NULL,
	CONSTRAINT "import_chunks_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "registry"."import_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" text NOT NULL,
	"row" integer NOT NULL,
	"line" integer NOT NULL,
	"field" text NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry"."import_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"bytes" integer DEFAULT 0 NOT NULL,
	"scope_prefix" text NOT NULL,
	"created_by" text,
	"created_by_kind" text NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_created" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"conflicts" integer DEFAULT 0 NOT NULL,
	"checkpoint_row" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_detail" text,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry"."persons" (
	"id" text PRIMARY KEY NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_idx" text NOT NULL,
	"name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"phone_enc" text,
	"phone_idx" text,
	"region_code" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"cancel_reason" text,
	"cancelled_on" date,
	"cancel_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "conflicts_open_once" ON "registry"."conflicts" USING btree ("person_id","fingerprint") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "conflicts_person" ON "registry"."conflicts" USING btree ("person_id","fingerprint");--> statement-breakpoint
CREATE INDEX "conflicts_region_status" ON "registry"."conflicts" USING btree ("region_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_credit_code" ON "registry"."entities" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "entities_region" ON "registry"."entities" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "history_subject" ON "registry"."history" USING btree ("subject_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_errors_row_field" ON "registry"."import_errors" USING btree ("job_id","row","field");--> statement-breakpoint
CREATE INDEX "import_jobs_status" ON "registry"."import_jobs" USING btree ("status","heartbeat_at");--> statement-breakpoint
CREATE INDEX "import_jobs_scope" ON "registry"."import_jobs" USING btree ("scope_prefix","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_idx" ON "registry"."persons" USING btree ("id_number_idx");--> statement-breakpoint
CREATE INDEX "persons_phone_idx" ON "registry"."persons" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "persons_region" ON "registry"."persons" USING btree ("region_code","id");