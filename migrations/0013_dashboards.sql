ALTER TABLE "plan_documents" ADD COLUMN "close_threshold" integer;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD COLUMN "example_years" integer[] DEFAULT '{}' NOT NULL;