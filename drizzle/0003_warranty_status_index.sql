DROP INDEX "assets_warranty_idx";--> statement-breakpoint
CREATE INDEX "assets_warranty_status_idx" ON "assets" USING btree ("warranty_end","status");