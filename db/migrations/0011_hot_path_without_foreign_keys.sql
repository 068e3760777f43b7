ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "usage_counters" DROP CONSTRAINT "usage_counters_tenant_id_tenants_id_fk";
