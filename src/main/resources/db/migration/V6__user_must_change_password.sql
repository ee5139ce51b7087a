-- An administrator's password reset (issue 17 item 9): the user must choose a new password at
-- their next sign-in, and until then the services refuse everything else. FALSE for every
-- existing user, which is how every store was before a reset existed.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
