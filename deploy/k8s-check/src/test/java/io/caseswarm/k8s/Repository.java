package io.caseswarm.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where things are in the repository this module belongs to. */
final class Repository {

    static final Path ROOT = Path.of(System.getProperty("caseswarm.root", "../..")).toAbsolutePath().normalize();
    static final Path OVERLAYS = ROOT.resolve("deploy/k8s/overlays");
    static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("event-platform/src/main/resources/META-INF/microprofile-config.properties");
    static final Path PLATFORM_SOURCES = ROOT.resolve("event-platform/src/main/java");
    static final Path LOCAL_BROKER = ROOT.resolve("deploy/kafka-broker/src/main/java/io/caseswarm/kafka/BrokerMain.java");
    static final Path OPERATIONS_DOC = ROOT.resolve("docs/operations.md");

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return properties;
    }
}
