package io.chatforge.im.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a service under test at the test servers and at a fresh database of its own. */
public class InfrastructurePropertiesInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var infra = TestInfrastructure.get();
        var e = infra.endpoints();
        String service = context.getEnvironment().getProperty("spring.application.name", "svc");
        TestPropertyValues.of(
                        "IM_DB_HOST=" + e.dbHost(),
                        "IM_DB_PORT=" + e.dbPort(),
                        "IM_DB_USER=" + e.dbUser(),
                        "IM_DB_PASSWORD=" + e.dbPassword(),
                        "im.db.name=" + infra.newDatabase(service.replace("-service", "")),
                        "IM_REDIS_HOST=" + e.redisHost(),
                        "IM_REDIS_PORT=" + e.redisPort(),
                        "IM_REDIS_DATABASE=" + infra.freshRedisDatabase(),
                        "IM_KAFKA_BOOTSTRAP=" + e.kafkaBootstrap())
                .applyTo(context);
    }
}
