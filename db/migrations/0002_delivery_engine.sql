CREATE TABLE "chatwork_room_members" (
	"token_key" text NOT NULL,
	"room_id" text NOT NULL,
	"members" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chatwork_room_members_token_key_room_id_pk" PRIMARY KEY("token_key","room_id")
);
--> statement-breakpoint
CREATE TABLE "rate_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"capacity" double precision NOT NULL,
	"refill_per_second" double precision NOT NULL,
	"updated_at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp (6) with time zone,
	"window_remaining" double precision,
	"window_reset_at" timestamp (6) with time zone,
	"taken_total" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "digest_id" uuid;--> statement-breakpoint
CREATE INDEX "deliveries_room_queue_idx" ON "deliveries" USING btree ("tenant_id","room_id","created_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "deliveries_created_idx" ON "deliveries" USING btree ("created_at");