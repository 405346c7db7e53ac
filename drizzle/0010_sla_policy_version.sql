ALTER TABLE "sla_policies" ALTER COLUMN "first_response_minutes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_policies" ALTER COLUMN "resolution_minutes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_both_targets" CHECK (("sla_policies"."first_response_minutes" is null) = ("sla_policies"."resolution_minutes" is null));