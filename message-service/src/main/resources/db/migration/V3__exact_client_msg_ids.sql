-- Client message ids are compared exactly, byte for byte: "k", "K" and "k " are three different
-- sends. Under the table's collation (case-insensitive, trailing spaces ignored) they collided
-- in the unique key.
ALTER TABLE messages MODIFY client_msg_id VARBINARY(256) NOT NULL;
