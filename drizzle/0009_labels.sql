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
ALTER TABLE "label_logo" ADD CONSTRAINT "label_logo_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;