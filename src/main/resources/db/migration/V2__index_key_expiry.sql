-- The sign-in notice counts keys that expired or expire soon; without an index that is a scan
-- of every key (100,000 in the benchmark store).
CREATE INDEX api_key_expires_at ON api_key(expires_at);
