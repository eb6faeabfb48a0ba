-- auth-service stores usernames in their canonical form (lower case) from now on; profiles follow.
UPDATE users SET username = LOWER(TRIM(username));
