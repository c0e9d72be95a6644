CREATE INDEX "operational_goals_goal_idx" ON "operational_goals" USING btree ("strategic_goal_id");--> statement-breakpoint
CREATE INDEX "project_institutions_tenant_institution_idx" ON "project_institutions" USING btree ("tenant_id","institution_id");--> statement-breakpoint
CREATE INDEX "budget_parts_budget_idx" ON "budget_parts" USING btree ("tenant_id","budget_id");--> statement-breakpoint
CREATE INDEX "indicator_breakdowns_value_idx" ON "indicator_breakdowns" USING btree ("tenant_id","value_id");--> statement-breakpoint
CREATE INDEX "indicator_breakdowns_contribution_idx" ON "indicator_breakdowns" USING btree ("tenant_id","contribution_id") WHERE "indicator_breakdowns"."contribution_id" is not null;--> statement-breakpoint
CREATE INDEX "indicator_values_tenant_year_idx" ON "indicator_values" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE INDEX "project_cards_tenant_year_idx" ON "project_cards" USING btree ("tenant_id","year");