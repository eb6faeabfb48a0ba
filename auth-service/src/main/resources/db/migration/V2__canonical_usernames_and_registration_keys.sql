-- Usernames are stored in their canonical form (NFKC, trimmed, lower-cased; see Usernames in
-- im-contracts) and compared byte for byte: lookups and throttle keys use that one form, whatever
-- the collation would have folded. Usernames so far were restricted to [a-zA-Z0-9_.-], so their
-- canonical form is LOWER(TRIM(username)).
UPDATE credentials SET username = LOWER(TRIM(username));
ALTER TABLE credentials MODIFY username VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- SHA-256 of the Idempotency-Key a registration came with: a repeat with the same key (and
-- username) is answered like the first, any other request for a taken username gets 409.
ALTER TABLE credentials ADD COLUMN registration_key_hash CHAR(64) NULL;
