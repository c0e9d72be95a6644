CREATE TABLE "comparison_values" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"indicator_id" uuid NOT NULL,
	"indicator_name" text NOT NULL,
	"unit" text NOT NULL,
	"publication_id" uuid NOT NULL,
	"value" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "comparison_values_tenant_id_code_year_pk" PRIMARY KEY("tenant_id","code","year")
);
--> statement-breakpoint
CREATE TABLE "populations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"residents" integer NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "populations_tenant_id_uq" UNIQUE("tenant_id","id"),
	CONSTRAINT "populations_tenant_year_uq" UNIQUE("tenant_id","year")
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "dictionary_code" text;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comparison_values" ADD CONSTRAINT "comparison_values_tenant_id_publication_id_publications_tenant_id_id_fk" FOREIGN KEY ("tenant_id","publication_id") REFERENCES "public"."publications"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "populations" ADD CONSTRAINT "populations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "populations" ADD CONSTRAINT "populations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comparison_values_code_year_idx" ON "comparison_values" USING btree ("code","year");