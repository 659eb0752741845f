DROP INDEX "collection"."receivables_month_employment";--> statement-breakpoint
DROP INDEX "collection"."receivables_key";--> statement-breakpoint
CREATE UNIQUE INDEX "receivables_key" ON "collection"."receivables" USING btree ("month","employment_id","rule_code");