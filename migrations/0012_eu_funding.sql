ALTER TABLE "projects" ADD COLUMN "eu_programme" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "eu_priority_axis" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "eu_measure" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "eu_sub_measure" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "eu_fund" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "eu_agreement_number" text;