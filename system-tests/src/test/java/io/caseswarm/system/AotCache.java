package io.caseswarm.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JDK's ahead-of-time cache of a service (JEP 483 and 514, JDK 25 and later): a first run records
 * which classes the service loads and links and writes them into a cache file as it exits; later runs
 * map that file instead of loading, verifying and linking the same classes again, and start sooner.
 * The benchmark suite sets {@code caseswarm.service.aot-cache-dir}; without it, services start without.
 */
final class AotCache {

    /** What a start does with the service's cache file. */
    enum Use {
        /** Record this run and write the cache when it exits. */
        TRAIN,
        /** Start from the cache written before. */
        USE,
        /** Neither: a plain start. */
        NONE
    }

    /** The folder the caches are kept in; unset, services start without one. */
    static final String DIR_PROPERTY = "caseswarm.service.aot-cache-dir";
    /** Set to true while a service without a cache should record one as it starts. */
    static final String TRAIN_PROPERTY = "caseswarm.service.aot-train";

    private AotCache() {
    }

    /** Whether this JDK (the one the services run on) has the one-step cache ({@code -XX:AOTCacheOutput}). */
    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    /** The cache file of {@code service}, when the suite keeps caches; null otherwise. */
    static Path fileOf(String service) {
        String dir = System.getProperty(DIR_PROPERTY, "");
        return dir.isBlank() || !supported() ? null : Path.of(dir).resolve(service + ".aot");
    }

    /**
     * Uses the cache when there is one; without one, records it only while training is asked for (a
     * recording run writes its cache as it exits, which costs a start and a stop their time).
     */
    static Use defaultFor(Path file) {
        if (file == null) {
            return Use.NONE;
        }
        if (Files.exists(file)) {
            return Use.USE;
        }
        return Boolean.getBoolean(TRAIN_PROPERTY) ? Use.TRAIN : Use.NONE;
    }

    static List<String> options(Path file, Use use) {
        // The JDK warns of cache entries it skips (e.g. a stub it cannot link); they cost nothing, so errors only.
        return switch (use) {
            case TRAIN -> List.of("-Xlog:aot*=error", "-XX:AOTCacheOutput=" + file);
            case USE -> List.of("-Xlog:aot*=error", "-XX:AOTCache=" + file);
            case NONE -> List.of();
        };
    }

    /** Whether a JVM option is one of these, so that a restart can put others in its place. */
    static boolean isOption(String option) {
        return option.startsWith("-XX:AOTCache") || option.startsWith("-Xlog:aot");
    }
}
