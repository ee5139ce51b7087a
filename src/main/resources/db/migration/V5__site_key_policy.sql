-- Least privilege by default (issue 17): two site settings beside users_can_create_api_keys.
-- default_permission_set: what a new user key gets when its creator names none. files_only is the
--   least a working key can do (none means disabled), so a key made without thought cannot manage
--   the site; an administrator may choose another set in the settings.
-- max_key_lifetime_days: how far ahead a key made by a non-administrator may expire; NULL for no
--   maximum, which is how every store was before this setting existed.
ALTER TABLE site ADD COLUMN default_permission_set VARCHAR(32) NOT NULL DEFAULT 'files_only';
ALTER TABLE site ADD COLUMN max_key_lifetime_days INT;
ALTER TABLE site ADD CONSTRAINT site_max_key_lifetime_positive CHECK (max_key_lifetime_days > 0);
