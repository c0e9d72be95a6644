ALTER TABLE "auth_tokens" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "institutions" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "operational_goals" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "operational_goals" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plan_documents" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "strategic_goals" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "strategic_goals" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "project_cards" ADD COLUMN "reported_in_document_id" uuid;