CREATE TABLE "bulk_change_items" (
	"bulk_change_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"label" text NOT NULL,
	"version" integer NOT NULL,
	"plan" text NOT NULL,
	"reason" text,
	"outcome" text,
	"outcome_reason" text,
	"done_at" timestamp with time zone,
	CONSTRAINT "bulk_change_items_bulk_change_id_position_pk" PRIMARY KEY("bulk_change_id","position")
);
--> statement-breakpoint
CREATE TABLE "bulk_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target" text NOT NULL,
	"action" text NOT NULL,
	"params" jsonb NOT NULL,
	"description" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"ip_address" text,
	"scope" text NOT NULL,
	"state" text DEFAULT 'previewed' NOT NULL,
	"total" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bulk_change_items" ADD CONSTRAINT "bulk_change_items_bulk_change_id_bulk_changes_id_fk" FOREIGN KEY ("bulk_change_id") REFERENCES "public"."bulk_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_changes" ADD CONSTRAINT "bulk_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_change_items_pending_idx" ON "bulk_change_items" USING btree ("bulk_change_id","position") WHERE "bulk_change_items"."outcome" is null and "bulk_change_items"."plan" = 'change';--> statement-breakpoint
CREATE INDEX "bulk_changes_actor_idx" ON "bulk_changes" USING btree ("actor_id","created_at");--> statement-breakpoint
-- hand-written: bulk
-- The audit page's "one bulk change" filter: each item's row carries the change's id as details.batchId.
CREATE INDEX "audit_log_batch_idx" ON "audit_log" USING btree (("details"->>'batchId'), "at") WHERE "details" ? 'batchId';
