package io.caseswarm.platform.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Production configuration fails fast. Every setting the project gives a value only for local runs
 * ({@code %dev.} in the platform defaults or a service's {@code application.properties}: the addresses
 * of the local PostgreSQL server, Kafka broker and SMTP server, the local key file) has no value in
 * production and must be set there. A service started outside dev and
 * test mode (the {@code prod} profile, or any other) that lacks one stops at start with a message
 * naming every missing setting, rather than pointing at localhost or failing on the first request.
 *
 * <p>The Kubernetes manifests are held to the same rule by a test in system-tests.
 */
@ApplicationScoped
public class RequiredSettings {

    private static final String LOCAL_ONLY_PREFIX = "%dev.";

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> missing = missing(ConfigProvider.getConfig());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(message(missing));
        }
    }

    /** The settings that have a value for local runs only and none in the active profile. */
    static List<String> missing(Config config) {
        Set<String> localOnly = new TreeSet<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String name : source.getPropertyNames()) {
                if (name.startsWith(LOCAL_ONLY_PREFIX)) {
                    localOnly.add(name.substring(LOCAL_ONLY_PREFIX.length()));
                }
            }
        }
        return localOnly.stream()
                .filter(name -> config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isEmpty())
                .toList();
    }

    static String message(List<String> missing) {
        StringBuilder message = new StringBuilder("Missing required setting").append(missing.size() == 1 ? "" : "s")
                .append(" for production: ").append(String.join(", ", missing))
                .append(". Each has a value for local runs only; set it as an environment variable (");
        message.append(String.join(", ", missing.stream().map(RequiredSettings::environmentName).toList()));
        return message.append(") or a system property (-D<name>=<value>).").toString();
    }

    /** The environment variable MicroProfile Config reads for a property: kafka.bootstrap.servers -> KAFKA_BOOTSTRAP_SERVERS. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
