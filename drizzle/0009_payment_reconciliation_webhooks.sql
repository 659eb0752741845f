CREATE TABLE "payment"."reconciliation_items" (
	"id" text PRIMARY KEY NOT NULL,
	"reconciliation_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"region_code" text NOT NULL,
	"institution_code" text,
	"order_id" text NOT NULL,
	"refund_id" text,
	"channel_ref" text,
	"platform_fen" bigint,
	"channel_fen" bigint,
	"status" text NOT NULL,
	"resolution" text,
	"note" text,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment"."reconciliations" (
	"id" text PRIMARY KEY NOT NULL,
	"date" text NOT NULL,
	"channel" text NOT NULL,
	"runs" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_run_by" text NOT NULL,
	"last_run_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment"."webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" bigint NOT NULL,
	"app_id" text NOT NULL,
	"event" text NOT NULL,
	"order_id" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_url" text,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment"."webhooks" (
	"app_id" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliation_items_key_uq" ON "payment"."reconciliation_items" USING btree ("reconciliation_id","key");--> statement-breakpoint
CREATE INDEX "reconciliation_items_of" ON "payment"."reconciliation_items" USING btree ("reconciliation_id","status","kind","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reconciliations_date_channel_uq" ON "payment"."reconciliations" USING btree ("date","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "payment"."webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "payment"."webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_app" ON "payment"."webhook_deliveries" USING btree ("app_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_paid_idx" ON "payment"."orders" USING btree ("paid_at");--> statement-breakpoint
CREATE INDEX "refunds_created_idx" ON "payment"."refunds" USING btree ("created_at");