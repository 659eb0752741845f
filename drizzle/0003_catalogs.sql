CREATE TABLE "policy"."catalog_changes" (
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"code" text NOT NULL,
	"action" text NOT NULL,
	"entry" jsonb NOT NULL,
	"staged_by" text NOT NULL,
	CONSTRAINT "catalog_changes_kind_version_code_pk" PRIMARY KEY("kind","version","code")
);
--> statement-breakpoint
CREATE TABLE "policy"."catalog_entries" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"specification" text,
	"class" text,
	"self_pay_ppm" integer,
	"price_cap_fen" bigint,
	"valid_from" text NOT NULL,
	"valid_to" text,
	"version" integer NOT NULL,
	"removed_in" integer,
	CONSTRAINT "catalog_entries_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "policy"."catalog_staged" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"action" text NOT NULL,
	"entry" jsonb,
	"staged_by" text NOT NULL,
	"staged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_staged_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "policy"."catalog_versions" (
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"added" integer NOT NULL,
	"changed" integer NOT NULL,
	"removed" integer NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_versions_kind_version_pk" PRIMARY KEY("kind","version")
);
