CREATE TABLE "ticket_status_counts" (
	"status" text NOT NULL,
	"delta" bigint NOT NULL
);
--> statement-breakpoint
-- One pair of trigger functions for every kept count: the counts table is the trigger's argument.
-- Statement-level, with transition tables: one insert per statement however many rows it touched,
-- and only for statuses whose count changed.
CREATE FUNCTION "status_counts_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO %I (status, delta) SELECT status, count(*) FROM new_rows GROUP BY status', TG_ARGV[0]);
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO %I (status, delta) SELECT status, -count(*) FROM old_rows GROUP BY status', TG_ARGV[0]);
  ELSE
    EXECUTE format(
      'INSERT INTO %I (status, delta)
         SELECT status, sum(change) FROM (SELECT status, 1 AS change FROM new_rows UNION ALL SELECT status, -1 FROM old_rows) AS changes
         GROUP BY status HAVING sum(change) <> 0',
      TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "status_counts_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Waits for a compaction in flight (lib/db/status-counts.ts): the row it folds, committed after
  -- the DELETE's snapshot, would otherwise outlive the truncation and keep the old total.
  EXECUTE format('LOCK TABLE %I IN SHARE ROW EXCLUSIVE MODE', TG_ARGV[0]);
  EXECUTE format('DELETE FROM %I', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER "assets_status_counts_insert" ON "assets";
--> statement-breakpoint
DROP TRIGGER "assets_status_counts_update" ON "assets";
--> statement-breakpoint
DROP TRIGGER "assets_status_counts_delete" ON "assets";
--> statement-breakpoint
DROP TRIGGER "assets_status_counts_truncate" ON "assets";
--> statement-breakpoint
DROP FUNCTION "asset_status_counts_record"();
--> statement-breakpoint
DROP FUNCTION "asset_status_counts_reset"();
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_insert" AFTER INSERT ON "assets" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('asset_status_counts');
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_update" AFTER UPDATE ON "assets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('asset_status_counts');
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_delete" AFTER DELETE ON "assets" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('asset_status_counts');
--> statement-breakpoint
CREATE TRIGGER "assets_status_counts_truncate" AFTER TRUNCATE ON "assets" FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_reset"('asset_status_counts');
--> statement-breakpoint
CREATE TRIGGER "tickets_status_counts_insert" AFTER INSERT ON "tickets" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('ticket_status_counts');
--> statement-breakpoint
CREATE TRIGGER "tickets_status_counts_update" AFTER UPDATE ON "tickets" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('ticket_status_counts');
--> statement-breakpoint
CREATE TRIGGER "tickets_status_counts_delete" AFTER DELETE ON "tickets" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_record"('ticket_status_counts');
--> statement-breakpoint
CREATE TRIGGER "tickets_status_counts_truncate" AFTER TRUNCATE ON "tickets" FOR EACH STATEMENT EXECUTE FUNCTION "status_counts_reset"('ticket_status_counts');
--> statement-breakpoint
-- Migrations run in one transaction, and CREATE TRIGGER holds off writes to tickets until it commits:
-- no ticket is counted twice or missed.
INSERT INTO "ticket_status_counts" ("status", "delta") SELECT "status", count(*) FROM "tickets" GROUP BY "status";
