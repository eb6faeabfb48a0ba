package io.chatforge.im.service.jpa;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/** Lets Hibernate tell MariaDB from MySQL (see {@link MySqlFamilyDialectResolver}). */
@AutoConfiguration
@ConditionalOnClass({HibernatePropertiesCustomizer.class, org.hibernate.dialect.Dialect.class})
public class DialectAutoConfiguration {

    @Bean
    HibernatePropertiesCustomizer mySqlFamilyDialectResolver() {
        return properties ->
                properties.putIfAbsent(AvailableSettings.DIALECT_RESOLVERS, MySqlFamilyDialectResolver.class.getName());
    }
}
