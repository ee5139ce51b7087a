-- KeyDesk team store, step 1: run as a PostgreSQL superuser (or a role with CREATEROLE and CREATEDB).
-- Two roles: keydesk_owner owns the schema and runs `keydesk init` and upgrades (migrations);
-- keydesk_app is what administrators, scripts and `keydesk serve` connect as day to day.
-- Choose your own passwords; give them to KeyDesk through KEYDESK_STORE_PASSWORD, PGPASSWORD or ~/.pgpass.
CREATE ROLE keydesk_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE keydesk_app LOGIN PASSWORD 'change-me-app';
CREATE DATABASE keydesk OWNER keydesk_owner;
-- then, connected to the database keydesk (psql: \c keydesk):
REVOKE ALL ON DATABASE keydesk FROM PUBLIC;
GRANT CONNECT ON DATABASE keydesk TO keydesk_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO keydesk_owner;
GRANT USAGE ON SCHEMA public TO keydesk_app;
