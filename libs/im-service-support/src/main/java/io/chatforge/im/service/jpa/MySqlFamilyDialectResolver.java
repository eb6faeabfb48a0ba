package io.chatforge.im.service.jpa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks the right dialect for MySQL and MariaDB behind mysql-connector-j. MariaDB announces itself
 * to that driver as MySQL "5.5.5-10.11.x-MariaDB", so Hibernate's own detection would take a MySQL
 * 5.5 dialect, warn that it is unsupported and fall back to old SQL. Here MariaDB gets
 * {@link MariaDBDialect} with its real version and MySQL its own dialect; other databases are left
 * to Hibernate's standard resolver. The same disguise makes the driver drop the fractional seconds
 * of timestamps; {@link MariaDbOverMySqlDriverDialect} keeps them.
 */
public class MySqlFamilyDialectResolver implements DialectResolver {
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        if (version != null && version.contains("MariaDB")) {
            DatabaseVersion mariaDb = mariaDbVersion(version);
            if (mariaDb == null) {
                return new MariaDBDialect();
            }
            String driver = info.getDriverName();
            boolean mySqlDriver = driver != null && driver.contains("MySQL");
            return mySqlDriver && version.startsWith("5.5.5-")
                    ? new MariaDbOverMySqlDriverDialect(mariaDb)
                    : new MariaDBDialect(mariaDb);
        }
        if ("MySQL".equals(info.getDatabaseName())) {
            return new MySQLDialect(info);
        }
        return null;
    }

    static DatabaseVersion mariaDbVersion(String productVersion) {
        Matcher m = MARIADB_VERSION.matcher(productVersion);
        if (!m.find()) {
            return null;
        }
        return DatabaseVersion.make(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
}
