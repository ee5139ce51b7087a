-- A key list sorted by expiry is read a page at a time as one range of this index, from the last
-- key of the previous page on: (expires_at, id) is exactly that list's order (the id breaks ties),
-- so neither engine sorts and no page reads the keys before it. It serves every use of the
-- expires_at index it replaces (the count of keys expiring soon).
CREATE INDEX api_key_expires_at_id ON api_key(expires_at, id);
DROP INDEX api_key_expires_at;
