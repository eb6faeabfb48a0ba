-- Runs once, when the MySQL volume is first created. The services create their own databases
-- (im_auth, im_user, im_friend, im_message; createDatabaseIfNotExist) and tables (Flyway): the
-- application user may do that for databases named im_* and nothing else.
GRANT ALL PRIVILEGES ON `im\_%`.* TO 'im'@'%';
FLUSH PRIVILEGES;
