DROP INDEX "tickets_sla_due_idx";--> statement-breakpoint
CREATE INDEX "tickets_sla_due_idx" ON "tickets" USING btree ("sla_due_at","id","status");