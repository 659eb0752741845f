CREATE TABLE "policy"."settlement_item_ratios" (
	"version_id" text NOT NULL,
	"code" text NOT NULL,
	"self_pay_bp" integer NOT NULL,
	CONSTRAINT "settlement_item_ratios_version_id_code_pk" PRIMARY KEY("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "registry"."institutions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"credit_code" text NOT NULL,
	"region_code" text NOT NULL,
	"level" integer NOT NULL,
	"agreement_status" text NOT NULL,
	"agreement_from" date NOT NULL,
	"agreement_to" date NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement"."risk_events" (
	"id" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"settlement_id" text,
	"app_id" text NOT NULL,
	"institution_code" text NOT NULL,
	"person_id" text NOT NULL,
	"pooling_region" text NOT NULL,
	"line_code" text,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."channel_apps" ADD COLUMN "institution_code" text;--> statement-breakpoint
ALTER TABLE "bill"."bills" ADD COLUMN "settlement_id" text;--> statement-breakpoint
ALTER TABLE "policy"."settlement_rules" ADD COLUMN "class_b_self_pay_bp" integer;--> statement-breakpoint
ALTER TABLE "settlement"."settlements" ADD COLUMN "consent_kind" text;--> statement-breakpoint
ALTER TABLE "settlement"."settlements" ADD COLUMN "consent_ref" text;--> statement-breakpoint
ALTER TABLE "policy"."settlement_item_ratios" ADD CONSTRAINT "settlement_item_ratios_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "institutions_region" ON "registry"."institutions" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "institutions_credit_code" ON "registry"."institutions" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "risk_events_region" ON "settlement"."risk_events" USING btree ("pooling_region","created_at");--> statement-breakpoint
CREATE INDEX "risk_events_settlement" ON "settlement"."risk_events" USING btree ("settlement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_settlement_id" ON "bill"."bills" USING btree ("settlement_id") WHERE "bill"."bills"."kind" = 'normal';--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_consent" ON "settlement"."settlements" USING btree ("consent_kind","consent_ref");