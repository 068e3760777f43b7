ALTER TABLE "chatwork_credentials" ADD COLUMN "token_bucket_key" text;--> statement-breakpoint
ALTER TABLE "rate_buckets" ADD COLUMN "ready_at" timestamp (6) with time zone;