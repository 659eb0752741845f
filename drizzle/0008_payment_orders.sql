CREATE SCHEMA "payment";
--> statement-breakpoint
CREATE TABLE "payment"."orders" (
	"id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"reference" text NOT NULL,
	"person_id" text NOT NULL,
	"insurance_type" text NOT NULL,
	"institution_code" text NOT NULL,
	"settlement_type" text NOT NULL,
	"visit" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"status" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"fund_fen" bigint NOT NULL,
	"account_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"settlement_id" text,
	"prepay_id" text,
	"transaction_id" text,
	"failure_code" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "orders_refund_within_total" CHECK ("payment"."orders"."refunded_fen" >= 0 and "payment"."orders"."refunded_fen" <= "payment"."orders"."total_fen")
);
--> statement-breakpoint
CREATE TABLE "payment"."refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"cash_fen" bigint NOT NULL,
	"settlement_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"channel_refund_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "orders_app_reference_uq" ON "payment"."orders" USING btree ("app_id","reference");--> statement-breakpoint
CREATE INDEX "orders_person_idx" ON "payment"."orders" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_open_idx" ON "payment"."orders" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "refunds_order_idx" ON "payment"."refunds" USING btree ("order_id");