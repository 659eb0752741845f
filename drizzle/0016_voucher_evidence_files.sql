CREATE TABLE "voucher"."evidence_files" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_person_id" text NOT NULL,
	"region_code" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" bytea NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth"."channel_apps" ADD COLUMN "name_en" text;--> statement-breakpoint
CREATE INDEX "evidence_files_owner" ON "voucher"."evidence_files" USING btree ("owner_person_id","created_at");