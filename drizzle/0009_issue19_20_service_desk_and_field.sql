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
CREATE TABLE "kb_article_solutions" (
	"article_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"category" text DEFAULT 'General' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'everyone' NOT NULL,
	"solved_count" integer DEFAULT 0 NOT NULL,
	"author_id" uuid,
	"source_ticket_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("kb_articles"."title", '')), 'A') || setweight(to_tsvector('simple', coalesce("kb_articles"."category", '')), 'B') || setweight(to_tsvector('simple', coalesce("kb_articles"."body", '')), 'C')) STORED NOT NULL,
	CONSTRAINT "kb_articles_status_check" CHECK ("kb_articles"."status" in ('draft', 'published')),
	CONSTRAINT "kb_articles_visibility_check" CHECK ("kb_articles"."visibility" in ('everyone', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "custom_fields" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_fields_kind_check" CHECK ("custom_fields"."kind" in ('text', 'number', 'date', 'yes_no', 'choice'))
);
--> statement-breakpoint
CREATE TABLE "location_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid,
	"location_path" text NOT NULL,
	"auditor_id" uuid,
	"auditor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"entries" jsonb NOT NULL,
	"unknown_tags" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_logo" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "label_logo_single_row" CHECK ("label_logo"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "canned_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_views_list_check" CHECK ("saved_views"."list" in ('tickets', 'assets'))
);
--> statement-breakpoint
CREATE TABLE "sla_calendar" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text NOT NULL,
	"week" jsonb NOT NULL,
	"holiday_country" text,
	"holiday_region" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_calendar_single_row" CHECK ("sla_calendar"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "sla_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"priority" text PRIMARY KEY NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sla_warnings" (
	"ticket_id" uuid NOT NULL,
	"target" text NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_sla_warnings_ticket_id_target_stage_pk" PRIMARY KEY("ticket_id","target","stage")
);
--> statement-breakpoint
ALTER TABLE "catalog_values" DROP CONSTRAINT "catalog_values_kind_check";--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "custom_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "custom_search" "tsvector" GENERATED ALWAYS AS (jsonb_to_tsvector('simple', "assets"."custom_values", '["string", "numeric"]')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_location_id" uuid;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_by_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_first_response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_first_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_paused_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_met" boolean;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "asset_import_rows" ADD COLUMN "custom_values" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_change_items" ADD CONSTRAINT "bulk_change_items_bulk_change_id_bulk_changes_id_fk" FOREIGN KEY ("bulk_change_id") REFERENCES "public"."bulk_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_changes" ADD CONSTRAINT "bulk_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_solutions" ADD CONSTRAINT "kb_article_solutions_article_id_kb_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."kb_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_article_solutions" ADD CONSTRAINT "kb_article_solutions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_articles" ADD CONSTRAINT "kb_articles_source_ticket_id_tickets_id_fk" FOREIGN KEY ("source_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_category_id_catalog_values_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_audits" ADD CONSTRAINT "location_audits_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_audits" ADD CONSTRAINT "location_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_logo" ADD CONSTRAINT "label_logo_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sla_warnings" ADD CONSTRAINT "ticket_sla_warnings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_change_items_pending_idx" ON "bulk_change_items" USING btree ("bulk_change_id","position") WHERE "bulk_change_items"."outcome" is null and "bulk_change_items"."plan" = 'change';--> statement-breakpoint
CREATE INDEX "bulk_changes_actor_idx" ON "bulk_changes" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_article_solutions_article_user_key" ON "kb_article_solutions" USING btree ("article_id","user_id");--> statement-breakpoint
CREATE INDEX "kb_articles_status_updated_idx" ON "kb_articles" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "kb_articles_category_idx" ON "kb_articles" USING btree ("category");--> statement-breakpoint
CREATE INDEX "kb_articles_search_idx" ON "kb_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_fields_category_name_key" ON "custom_fields" USING btree ("category_id",lower("name"));--> statement-breakpoint
CREATE INDEX "location_audits_location_idx" ON "location_audits" USING btree ("location_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_path_key" ON "locations" USING btree (lower("path"));--> statement-breakpoint
CREATE INDEX "locations_path_prefix_idx" ON "locations" USING btree (lower("path") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "canned_replies_owner_idx" ON "canned_replies" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "saved_views_owner_idx" ON "saved_views" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "saved_views_shared_idx" ON "saved_views" USING btree ("shared") WHERE "saved_views"."shared";--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_last_seen_location_id_locations_id_fk" FOREIGN KEY ("last_seen_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_last_seen_by_id_users_id_fk" FOREIGN KEY ("last_seen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_location_idx" ON "assets" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "assets_custom_search_idx" ON "assets" USING gin ("custom_search");--> statement-breakpoint
CREATE INDEX "tickets_sla_due_idx" ON "tickets" USING btree ("sla_due_at","id");--> statement-breakpoint
CREATE INDEX "tickets_sla_warn_idx" ON "tickets" USING btree ("sla_warn_at") WHERE "tickets"."sla_warn_at" is not null;--> statement-breakpoint
CREATE INDEX "tickets_sla_settled_idx" ON "tickets" USING btree ("sla_settled_at","sla_met") WHERE "tickets"."sla_settled_at" is not null;--> statement-breakpoint
ALTER TABLE "catalog_values" ADD CONSTRAINT "catalog_values_kind_check" CHECK ("catalog_values"."kind" in ('category', 'manufacturer', 'model', 'ticket_category', 'kb_category'));
--> statement-breakpoint
-- hand-written: bulk
-- The audit page's "one bulk change" filter: each item's row carries the change's id as details.batchId.
CREATE INDEX "audit_log_batch_idx" ON "audit_log" USING btree (("details"->>'batchId'), "at") WHERE "details" ? 'batchId';

--> statement-breakpoint
-- hand-written: kb
-- The article categories list starts with the default every new article gets.
INSERT INTO "catalog_values" ("kind", "name") VALUES ('kb_category', 'General') ON CONFLICT DO NOTHING;

--> statement-breakpoint
-- hand-written: places
-- Each free-text location becomes a top-level place (one per spelling, in any letter case; "/"
-- separates a path's parts, so it becomes "-" in a name), and its assets point at it. The asset's
-- text keeps the place's path, which the search vector reads.
INSERT INTO "locations" ("name", "path")
SELECT DISTINCT ON (lower(t.name)) t.name, t.name
FROM (SELECT btrim(replace("location", '/', '-')) AS name FROM "assets" WHERE "location" IS NOT NULL) AS t
WHERE t.name <> ''
ORDER BY lower(t.name), t.name
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "assets" SET "location_id" = l."id", "location" = l."path"
FROM "locations" AS l
WHERE "assets"."location" IS NOT NULL AND lower(l."path") = lower(btrim(replace("assets"."location", '/', '-')));--> statement-breakpoint
UPDATE "assets" SET "location" = NULL WHERE "location_id" IS NULL AND "location" IS NOT NULL;
