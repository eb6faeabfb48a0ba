package io.chatforge.im.service.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.DatabaseVersion;
import org.junit.jupiter.api.Test;

class MySqlFamilyDialectResolverTest {

    @Test
    void mariaDbBehindTheMySqlDriver_isRecognisedWithItsRealVersion() {
        DatabaseVersion version = MySqlFamilyDialectResolver.mariaDbVersion("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(version.getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(version.getDatabaseMinorVersion()).isEqualTo(11);
        assertThat(version.getDatabaseMicroVersion()).isEqualTo(19);
    }

    @Test
    void mariaDbWithoutTheCompatibilityPrefix_isRecognisedToo() {
        DatabaseVersion version = MySqlFamilyDialectResolver.mariaDbVersion("11.4.2-MariaDB-log");
        assertThat(version.getDatabaseMajorVersion()).isEqualTo(11);
        assertThat(version.getDatabaseMinorVersion()).isEqualTo(4);
    }

    @Test
    void mySqlVersions_areNotMistakenForMariaDb() {
        assertThat(MySqlFamilyDialectResolver.mariaDbVersion("8.0.36")).isNull();
        assertThat(MySqlFamilyDialectResolver.mariaDbVersion("8.4.3-commercial"))
                .isNull();
    }
}
