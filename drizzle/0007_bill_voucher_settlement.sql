CREATE SCHEMA "bill";
--> statement-breakpoint
CREATE SCHEMA "settlement";
--> statement-breakpoint
CREATE SCHEMA "voucher";
--> statement-breakpoint
CREATE TABLE "kernel"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "bill"."bills" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"bill_code" text NOT NULL,
	"bill_number" text NOT NULL,
	"check_code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issue_date" date NOT NULL,
	"issuer_app_id" text NOT NULL,
	"institution_code" text NOT NULL,
	"institution_name" text NOT NULL,
	"person_id" text NOT NULL,
	"payer_name" text NOT NULL,
	"insurance_id_enc" text NOT NULL,
	"insurance_id_masked" text NOT NULL,
	"visit_type" text NOT NULL,
	"settlement_ref" text NOT NULL,
	"items" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"fund_pay_fen" bigint NOT NULL,
	"account_pay_fen" bigint NOT NULL,
	"cash_pay_fen" bigint NOT NULL,
	"signature" text NOT NULL,
	"request_hash" text,
	"idempotency_key" text,
	"status" text DEFAULT 'issued' NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"red_bill_id" text,
	"original_bill_id" text,
	"used_at" timestamp with time zone,
	"used_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."settlement_rules" (
	"version_id" text NOT NULL,
	"position" integer NOT NULL,
	"visit_kind" text,
	"institution_level" integer,
	"person_category" text,
	"deductible_fen" bigint NOT NULL,
	"deductible_per" text NOT NULL,
	"fund_ratio_bp" integer NOT NULL,
	"ceiling_fen" bigint NOT NULL,
	"account_usable" boolean NOT NULL,
	"deductible_rule_code" text NOT NULL,
	"fund_ratio_rule_code" text NOT NULL,
	"ceiling_rule_code" text NOT NULL,
	"account_rule_code" text NOT NULL,
	CONSTRAINT "settlement_rules_version_id_position_pk" PRIMARY KEY("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "settlement"."accumulations" (
	"person_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"year" integer NOT NULL,
	"deductible_fen" bigint DEFAULT 0 NOT NULL,
	"fund_paid_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accumulations_person_id_insurance_type_year_pk" PRIMARY KEY("person_id","insurance_type","year")
);
--> statement-breakpoint
CREATE TABLE "settlement"."settlements" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"pooling_region" text NOT NULL,
	"institution_code" text NOT NULL,
	"reference" text NOT NULL,
	"channel_app_id" text NOT NULL,
	"visit_kind" text NOT NULL,
	"institution_level" integer NOT NULL,
	"visit_date" date NOT NULL,
	"year" integer NOT NULL,
	"person_category" text NOT NULL,
	"policy_version_id" text NOT NULL,
	"lines" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"fund_fen" bigint NOT NULL,
	"account_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"status" text DEFAULT 'settled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reversed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voucher"."authorizations" (
	"id" text PRIMARY KEY NOT NULL,
	"voucher_id" text NOT NULL,
	"app_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voucher"."codes" (
	"id" text PRIMARY KEY NOT NULL,
	"voucher_id" text NOT NULL,
	"holder_voucher_id" text NOT NULL,
	"app_id" text NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"identity" jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "voucher"."devices" (
	"app_id" text NOT NULL,
	"device_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_app_id_device_id_pk" PRIMARY KEY("app_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "voucher"."family_links" (
	"id" text PRIMARY KEY NOT NULL,
	"holder_voucher_id" text NOT NULL,
	"member_voucher_id" text NOT NULL,
	"kind" text NOT NULL,
	"evidence_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voucher"."invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"holder_voucher_id" text NOT NULL,
	"member_person_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher"."risk_events" (
	"id" text PRIMARY KEY NOT NULL,
	"rule" text NOT NULL,
	"voucher_id" text,
	"region_code" text,
	"app_id" text,
	"code_id" text,
	"device_id" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher"."usage" (
	"id" text PRIMARY KEY NOT NULL,
	"voucher_id" text NOT NULL,
	"subject_voucher_id" text NOT NULL,
	"code_id" text,
	"app_id" text,
	"action" text NOT NULL,
	"result" text NOT NULL,
	"reason" text,
	"device_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voucher"."vouchers" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'inactive' NOT NULL,
	"holder_account_id" text,
	"password_hash" text,
	"name_masked" text,
	"insurance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"activated_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy"."settlement_rules" ADD CONSTRAINT "settlement_rules_version_id_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "policy"."versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bills_code_number" ON "bill"."bills" USING btree ("bill_code","bill_number");--> statement-breakpoint
CREATE UNIQUE INDEX "bills_settlement" ON "bill"."bills" USING btree ("issuer_app_id","settlement_ref") WHERE "bill"."bills"."kind" = 'normal';--> statement-breakpoint
CREATE UNIQUE INDEX "bills_idempotency" ON "bill"."bills" USING btree ("issuer_app_id","idempotency_key") WHERE "bill"."bills"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "bills_person" ON "bill"."bills" USING btree ("person_id","issued_at");--> statement-breakpoint
CREATE INDEX "bills_issuer_person" ON "bill"."bills" USING btree ("issuer_app_id","person_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "settlements_reference" ON "settlement"."settlements" USING btree ("institution_code","reference");--> statement-breakpoint
CREATE INDEX "settlements_person" ON "settlement"."settlements" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "authorizations_active" ON "voucher"."authorizations" USING btree ("voucher_id","app_id") WHERE "voucher"."authorizations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "codes_holder" ON "voucher"."codes" USING btree ("holder_voucher_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_links_active" ON "voucher"."family_links" USING btree ("holder_voucher_id","member_voucher_id") WHERE "voucher"."family_links"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "invitations_member" ON "voucher"."invitations" USING btree ("member_person_id");--> statement-breakpoint
CREATE INDEX "risk_events_region_at" ON "voucher"."risk_events" USING btree ("region_code","at");--> statement-breakpoint
CREATE INDEX "usage_voucher_at" ON "voucher"."usage" USING btree ("voucher_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_person" ON "voucher"."vouchers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vouchers_holder" ON "voucher"."vouchers" USING btree ("holder_account_id");