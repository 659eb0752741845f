CREATE SCHEMA "message";
--> statement-breakpoint
CREATE TABLE "message"."messages" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"account_id" text NOT NULL,
	"region_code" text,
	"channel" text NOT NULL,
	"template_code" text NOT NULL,
	"template_version" integer NOT NULL,
	"category" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"payload" jsonb,
	"to_enc" text,
	"to_masked" text,
	"status" text NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"unless_read_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp with time zone,
	"provider_ref" text,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message"."opt_outs" (
	"account_id" text NOT NULL,
	"category" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message"."rules" (
	"id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"template_code" text NOT NULL,
	"channels" text[] NOT NULL,
	"fallback" boolean DEFAULT false NOT NULL,
	"region_prefix" text DEFAULT '' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message"."templates" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"version" integer NOT NULL,
	"category" text NOT NULL,
	"placeholders" jsonb NOT NULL,
	"subject_zh" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"body_en" text NOT NULL,
	"provider_template_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency" ON "message"."messages" USING btree ("idempotency_key","channel");--> statement-breakpoint
CREATE INDEX "messages_due" ON "message"."messages" USING btree ("not_before") WHERE status in ('created', 'sending');--> statement-breakpoint
CREATE INDEX "messages_inbox" ON "message"."messages" USING btree ("account_id","channel","created_at");--> statement-breakpoint
CREATE INDEX "messages_created" ON "message"."messages" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opt_outs_account_category" ON "message"."opt_outs" USING btree ("account_id","category");--> statement-breakpoint
CREATE INDEX "rules_event" ON "message"."rules" USING btree ("event");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_code_channel_version" ON "message"."templates" USING btree ("code","channel","version");