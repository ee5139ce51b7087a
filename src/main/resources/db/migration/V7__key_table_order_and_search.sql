-- Key tables at a million keys (issue 16 item 3) read a count and a page at a time, sorted and
-- searched by the store; each order and the search is a range of an index, so neither engine reads
-- or sorts every key. name_sort is the name's natural sort key and name_fold its case-folded form
-- (domain/KeySearch), both as UTF-16BE bytes: bytes compare the same way on H2 and on any
-- PostgreSQL collation, as Java compares the strings. KeyDesk writes both with the name; rows
-- from before this version get them when the store is next opened (store/KeyNameColumns).
ALTER TABLE api_key ADD COLUMN name_sort BYTEA;
ALTER TABLE api_key ADD COLUMN name_fold BYTEA;
-- [jooq ignore start]: jOOQ's reading of this script (pom.xml) takes BYTEA for a BLOB, which has no index
CREATE INDEX api_key_name_sort_id ON api_key(name_sort, id);
CREATE INDEX api_key_name_fold ON api_key(name_fold);
-- [jooq ignore stop]
CREATE INDEX api_key_created_at_id ON api_key(created_at, id);
CREATE INDEX api_key_last_use_at_id ON api_key(last_use_at, id);
