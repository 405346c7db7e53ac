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
ALTER TABLE "assets" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "custom_values" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "custom_search" "tsvector" GENERATED ALWAYS AS (jsonb_to_tsvector('simple', "assets"."custom_values", '["string", "numeric"]')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_location_id" uuid;--> statement-breakpoint
ALTER TABLE "assets" ADD COLUMN "last_seen_by_id" uuid;--> statement-breakpoint
ALTER TABLE "asset_import_rows" ADD COLUMN "custom_values" jsonb;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_category_id_catalog_values_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_audits" ADD CONSTRAINT "location_audits_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_audits" ADD CONSTRAINT "location_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_id_locations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "custom_fields_category_name_key" ON "custom_fields" USING btree ("category_id",lower("name"));--> statement-breakpoint
CREATE INDEX "location_audits_location_idx" ON "location_audits" USING btree ("location_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_path_key" ON "locations" USING btree (lower("path"));--> statement-breakpoint
CREATE INDEX "locations_path_prefix_idx" ON "locations" USING btree (lower("path") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("parent_id");--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_last_seen_location_id_locations_id_fk" FOREIGN KEY ("last_seen_location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_last_seen_by_id_users_id_fk" FOREIGN KEY ("last_seen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_location_idx" ON "assets" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "assets_custom_search_idx" ON "assets" USING gin ("custom_search");--> statement-breakpoint
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
