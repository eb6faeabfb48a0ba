package io.chatforge.im.service.jpa;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;

/** MariaDB reached through mysql-connector-j: keeps the microseconds of timestamps (see {@link UtcDateTimeAsTextJdbcType}). */
public class MariaDbOverMySqlDriverDialect extends MariaDBDialect {

    public MariaDbOverMySqlDriverDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    public void contributeTypes(TypeContributions contributions, ServiceRegistry registry) {
        super.contributeTypes(contributions, registry);
        contributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(SqlTypes.TIMESTAMP_UTC, UtcDateTimeAsTextJdbcType.INSTANCE);
    }
}
