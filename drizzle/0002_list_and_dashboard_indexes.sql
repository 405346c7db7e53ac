DROP INDEX "assets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_updated_idx";--> statement-breakpoint
DROP INDEX "tickets_created_idx";--> statement-breakpoint
CREATE INDEX "assets_updated_id_idx" ON "assets" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "tickets_status_priority_assignee_idx" ON "tickets" USING btree ("status","priority","assignee_id");--> statement-breakpoint
CREATE INDEX "tickets_updated_id_idx" ON "tickets" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "tickets_created_id_idx" ON "tickets" USING btree ("created_at","id");