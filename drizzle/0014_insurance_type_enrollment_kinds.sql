-- Which enrollment kinds an insurance type admits. The national types get theirs; a type a province
-- added keeps admitting every kind, as it did, until its administrator narrows it.
ALTER TABLE "policy"."insurance_types" ADD COLUMN "enrollment_kinds" text[] NOT NULL DEFAULT '{employee,flexible,resident}';--> statement-breakpoint
ALTER TABLE "policy"."insurance_types" ALTER COLUMN "enrollment_kinds" DROP DEFAULT;--> statement-breakpoint
UPDATE "policy"."insurance_types" SET "enrollment_kinds" = CASE "code"
  WHEN '310' THEN '{employee,flexible}'::text[]
  WHEN '390' THEN '{resident}'::text[]
  WHEN '510' THEN '{employee}'::text[]
  ELSE "enrollment_kinds" END;
