package io.chatforge.im.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every platform service shares (datasource, JPA, actuator, shutdown) as the
 * lowest-precedence property source, so a service's own application.yml, its profiles and the
 * environment all override them. With the {@code dev} profile active, the dev defaults (local
 * database password, internal token) come right above them.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
    static final String DEFAULTS = "im-service-defaults.yml";
    static final String DEV_DEFAULTS = "im-service-defaults-dev.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var sources = environment.getPropertySources();
        load(DEFAULTS).forEach(sources::addLast);
        if (environment.matchesProfiles("dev")) {
            load(DEV_DEFAULTS).forEach(source -> sources.addBefore(DEFAULTS, source));
        }
    }

    private static java.util.List<PropertySource<?>> load(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public int getOrder() {
        // after config data (application.yml, profiles) so active profiles are known
        return Ordered.LOWEST_PRECEDENCE;
    }
}
