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
ALTER TABLE "tickets" ADD COLUMN "sla_first_response_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_resolution_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_first_responded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_paused_minutes" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_paused_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_met" boolean;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ticket_sla_warnings" ADD CONSTRAINT "ticket_sla_warnings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_sla_due_idx" ON "tickets" USING btree ("sla_due_at","id");--> statement-breakpoint
CREATE INDEX "tickets_sla_warn_idx" ON "tickets" USING btree ("sla_warn_at") WHERE "tickets"."sla_warn_at" is not null;--> statement-breakpoint
CREATE INDEX "tickets_sla_settled_idx" ON "tickets" USING btree ("sla_settled_at","sla_met") WHERE "tickets"."sla_settled_at" is not null;