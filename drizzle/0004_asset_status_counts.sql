CREATE TABLE "asset_status_counts" (
	"status" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
-- Statement-level triggers with transition tables: one insert per statement however many rows it
-- touched (a CSV import), and only for statuses whose count changed.
CREATE FUNCTION "asset_status_counts_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO asset_status_counts (status, delta) SELECT status, count(*) FROM new_rows GROUP BY status;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO asset_status_counts (status, delta) SELECT status, -count(*) FROM old_rows GROUP BY status;
  ELSE
    INSERT INTO asset_status_counts (status, delta)
      SELECT status, sum(change) FROM (
        SELECT status, 1 AS change FROM new_rows
        UNION ALL
        SELECT status, -1 FROM old_rows
      ) AS changes
      GROUP BY status
      HAVING sum(change) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "asset_status_counts_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM asset_status_counts;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_insert" AFTER INSERT ON "assets" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "asset_status_counts_record"();
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_update" AFTER UPDATE ON "assets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "asset_status_counts_record"();
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_delete" AFTER DELETE ON "assets" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "asset_status_counts_record"();
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_truncate" AFTER TRUNCATE ON "assets" FOR EACH STATEMENT EXECUTE FUNCTION "asset_status_counts_reset"();
--> statement-breakpoint
INSERT INTO "asset_status_counts" ("status", "delta") SELECT "status", count(*) FROM "assets" GROUP BY "status";
