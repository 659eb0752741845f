CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE SCHEMA "kernel";
--> statement-breakpoint
CREATE SCHEMA "auth";
--> statement-breakpoint
CREATE SCHEMA "user";
--> statement-breakpoint
CREATE TABLE "audit"."records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"status" integer NOT NULL,
	"request_id" text,
	"ip" text,
	"detail" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel"."outbox_deliveries" (
	"event_id" bigint NOT NULL,
	"subscriber" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"last_error" text,
	CONSTRAINT "outbox_deliveries_event_id_subscriber_pk" PRIMARY KEY("event_id","subscriber")
);
--> statement-breakpoint
CREATE TABLE "kernel"."outbox_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kernel"."subscriptions" (
	"topic" text NOT NULL,
	"subscriber" text NOT NULL,
	CONSTRAINT "subscriptions_topic_subscriber_pk" PRIMARY KEY("topic","subscriber")
);
--> statement-breakpoint
CREATE TABLE "auth"."events" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"channel" text NOT NULL,
	"result" text NOT NULL,
	"reason" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "auth"."certificates" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"public_key" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."channel_apps" (
	"app_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret_enc" text NOT NULL,
	"capabilities" jsonb NOT NULL,
	"org_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."grants" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"role_id" text NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."orgs" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."refresh_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "auth"."resources" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"path" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."role_resources" (
	"role_id" text NOT NULL,
	"resource_code" text NOT NULL,
	CONSTRAINT "role_resources_role_id_resource_code_pk" PRIMARY KEY("role_id","resource_code")
);
--> statement-breakpoint
CREATE TABLE "auth"."roles" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth"."sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"method" text NOT NULL,
	"channel" text NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "auth"."third_party_bindings" (
	"account_id" text NOT NULL,
	"provider" text NOT NULL,
	"open_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "third_party_bindings_account_id_provider_pk" PRIMARY KEY("account_id","provider")
);
--> statement-breakpoint
CREATE TABLE "auth"."verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"provider_ref" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user"."accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"login_name" text,
	"name" text NOT NULL,
	"id_number_enc" text,
	"id_number_idx" text,
	"phone_enc" text,
	"phone_idx" text,
	"email" text,
	"address" text,
	"status" text DEFAULT 'active' NOT NULL,
	"auth_level" integer DEFAULT 1 NOT NULL,
	"org_id" text,
	"org_path" text,
	"enterprise_type" text,
	"credit_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user"."credentials" (
	"account_id" text PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user"."unit_agents" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text DEFAULT 'agent' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user"."units" (
	"id" text PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_deliveries_pending" ON "kernel"."outbox_deliveries" USING btree ("subscriber","status","available_at");--> statement-breakpoint
CREATE INDEX "events_account_at" ON "auth"."events" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "certificates_unit" ON "auth"."certificates" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grants_account_role" ON "auth"."grants" USING btree ("account_id","role_id");--> statement-breakpoint
CREATE INDEX "orgs_path" ON "auth"."orgs" USING btree ("path");--> statement-breakpoint
CREATE INDEX "orgs_parent" ON "auth"."orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_session" ON "auth"."refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_org_code" ON "auth"."roles" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "sessions_account" ON "auth"."sessions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "third_party_open_id" ON "auth"."third_party_bindings" USING btree ("provider","open_id");--> statement-breakpoint
CREATE INDEX "verifications_account" ON "auth"."verifications" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "verifications_provider_ref" ON "auth"."verifications" USING btree ("provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_login_name" ON "user"."accounts" USING btree ("login_name");--> statement-breakpoint
CREATE INDEX "accounts_id_number_idx" ON "user"."accounts" USING btree ("id_number_idx");--> statement-breakpoint
CREATE INDEX "accounts_phone_idx" ON "user"."accounts" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "accounts_org_path" ON "user"."accounts" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "unit_agents_unit" ON "user"."unit_agents" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_agents_account" ON "user"."unit_agents" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_credit_code" ON "user"."units" USING btree ("credit_code");