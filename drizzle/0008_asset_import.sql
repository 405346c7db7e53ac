CREATE TABLE "asset_import_rows" (
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"existing_id" uuid,
	"asset_tag" text NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"manufacturer" text,
	"model" text,
	"serial" text,
	"status" text,
	"location" text,
	"purchase_date" date,
	"purchase_cost" numeric(12, 2),
	"warranty_end" date,
	"notes" text,
	CONSTRAINT "asset_import_rows_import_id_line_pk" PRIMARY KEY("import_id","line")
);
--> statement-breakpoint
CREATE TABLE "asset_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"touched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "asset_import_rows_existing_idx" ON "asset_import_rows" USING btree ("import_id","existing_id");