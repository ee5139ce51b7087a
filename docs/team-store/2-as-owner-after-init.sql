-- KeyDesk team store, step 2: run as keydesk_owner after
--   KEYDESK_STORE=postgresql://keydesk_owner@HOST/keydesk keydesk init --site NAME --admin USERNAME
-- and again after an upgrade of KeyDesk that changed the schema (the release notes say so).
-- The runtime role gets only what KeyDesk needs. The audit log is append-only IN THE DATABASE:
-- keydesk_app may read and add audit entries, never change, delete or truncate them.
GRANT SELECT ON flyway_schema_history TO keydesk_app;
GRANT SELECT, UPDATE ON site TO keydesk_app;
GRANT SELECT, INSERT, UPDATE ON app_user TO keydesk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_key TO keydesk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sign_in_throttle TO keydesk_app;
GRANT SELECT, INSERT ON audit_entry TO keydesk_app;
GRANT SELECT, UPDATE ON audit_head TO keydesk_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO keydesk_app;
