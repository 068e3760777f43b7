-- relay_app: the role tenant-scoped work switches to (SET LOCAL ROLE inside a transaction), so
-- that Row Level Security applies even to the owner and superuser connections the relay logs in
-- with. It cannot log in. Roles are cluster-wide and several databases (test runs, several
-- products) may migrate at once, so creating and granting it tolerate having lost that race.
-- On a managed server where the relay's user may not create roles, an operator runs once:
--   CREATE ROLE relay_app NOLOGIN; GRANT relay_app TO <relay user>;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relay_app') THEN
    BEGIN
      CREATE ROLE relay_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'relay_app', 'MEMBER') THEN
    BEGIN
      EXECUTE format('GRANT relay_app TO %I', current_user);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL;
    END;
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO relay_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO relay_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO relay_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION k2c_take_rate_tokens(text[], double precision[], double precision[]) TO relay_app;
