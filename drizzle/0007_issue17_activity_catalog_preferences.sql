CREATE TABLE "ticket_reads" (
	"user_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_reads_user_id_ticket_id_pk" PRIMARY KEY("user_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_values_kind_check" CHECK ("catalog_values"."kind" in ('category', 'manufacturer', 'model'))
);
--> statement-breakpoint
ALTER TABLE "ticket_reads" ADD CONSTRAINT "ticket_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_reads" ADD CONSTRAINT "ticket_reads_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_reads_ticket_idx" ON "ticket_reads" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_values_kind_name_key" ON "catalog_values" USING btree ("kind",lower("name"));--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","at");--> statement-breakpoint
-- Seed the lists from the assets: one value per spelling that differs only in case, the spelling most assets use (ties: the first alphabetically).
INSERT INTO "catalog_values" ("kind", "name")
SELECT DISTINCT ON ("kind", lower("name")) "kind", "name"
FROM (
  SELECT 'category' AS "kind", "category" AS "name", count(*) AS "uses" FROM "assets" GROUP BY "category"
  UNION ALL
  SELECT 'manufacturer', "manufacturer", count(*) FROM "assets" WHERE "manufacturer" IS NOT NULL GROUP BY "manufacturer"
  UNION ALL
  SELECT 'model', "model", count(*) FROM "assets" WHERE "model" IS NOT NULL GROUP BY "model"
) AS "used"
WHERE btrim("name") <> ''
ORDER BY "kind", lower("name"), "uses" DESC, "name";
--> statement-breakpoint
-- Assets that spelled a value differently now carry the listed spelling (a new version, so an open edit form cannot put the old one back).
UPDATE "assets" SET "category" = "c"."name", "version" = "assets"."version" + 1, "updated_at" = now()
FROM "catalog_values" AS "c"
WHERE "c"."kind" = 'category' AND lower("assets"."category") = lower("c"."name") AND "assets"."category" <> "c"."name";
--> statement-breakpoint
UPDATE "assets" SET "manufacturer" = "c"."name", "version" = "assets"."version" + 1, "updated_at" = now()
FROM "catalog_values" AS "c"
WHERE "c"."kind" = 'manufacturer' AND lower("assets"."manufacturer") = lower("c"."name") AND "assets"."manufacturer" <> "c"."name";
--> statement-breakpoint
UPDATE "assets" SET "model" = "c"."name", "version" = "assets"."version" + 1, "updated_at" = now()
FROM "catalog_values" AS "c"
WHERE "c"."kind" = 'model' AND lower("assets"."model") = lower("c"."name") AND "assets"."model" <> "c"."name";
