-- Tamper evidence: every change to a row that grants access (a key, a user, the site) records in
-- its audit entry a digest of the row as the change left it (or of its removal). The digest is part
-- of the entry's hash, so a row edited outside KeyDesk no longer matches the chain's last word on it.
ALTER TABLE audit_entry ADD COLUMN row_digest VARCHAR(64);

-- Finds the newest entry about one row in one index look-up: the verification path asks for it.
CREATE INDEX audit_entry_target_seq ON audit_entry(target, seq);
