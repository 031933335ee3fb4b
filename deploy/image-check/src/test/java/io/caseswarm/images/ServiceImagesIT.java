package io.caseswarm.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Looks at each service's image as a container runtime would: the tarball that Jib wrote
 * ({@code <service>/target/jib-image.tar}), its configuration, its layers, and then the image itself run:
 * its layers unpacked in order into a root directory and its entrypoint started there in a chroot (with its
 * own /proc and process namespace), as its user, with its environment. The service is given a fresh
 * PostgreSQL database and a Kafka address but none of its production settings, so it must migrate its
 * database and then refuse to run, naming the settings it lacks: the JVM, the C library, the class path
 * and the application code in the image all work, with no registry and no Docker daemon.
 *
 * <p>Needs root (to chroot and to run as the image's user) and PostgreSQL on 127.0.0.1:5432 with trust
 * authentication for the user postgres, like the services' own tests.
 */
class ServiceImagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("caseswarm.root"));
    private static final String TAG = System.getProperty("caseswarm.image.tag");
    private static final String REGISTRY = System.getProperty("caseswarm.image.registry");
    private static final String VERSION = System.getProperty("caseswarm.project.version");
    /** Jib's layers that hold target/quarkus-app, in the order the parent pom's filters make them. */
    private static final List<String> APP_LAYERS = List.of("quarkus libraries", "caseswarm libraries", "quarkus application");

    @ParameterizedTest
    @ValueSource(strings = { "case-service", "swarm-service", "expert-finder-service", "knowledge-service", "notification-service" })
    void imageIsConfiguredToRunTheServiceAsANonRootUserOnPort8080(String service) throws Exception {
        Image image = Image.unpack(service);
        JsonNode config = image.config.path("config");

        assertThat(image.manifest.path("RepoTags").get(0).asText()).isEqualTo(REGISTRY + "/" + service + ":" + TAG);

        String user = config.path("User").asText();
        assertThat(user).as("numeric uid:gid, so that runAsNonRoot can verify it").matches("\\d+:\\d+");
        assertThat(Integer.parseInt(user.split(":")[0])).as("uid").isNotZero();

        List<String> entrypoint = strings(config.path("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size())).containsExactly("-jar", "/deployments/quarkus-run.jar");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
        // The heap follows the container's memory limit, and every other option the services run with locally
        // (deploy/jvm/service.options) is there too.
        assertThat(entrypoint).noneMatch(option -> option.startsWith("-Xmx"));
        assertThat(entrypoint).containsAll(serviceOptionsExceptHeapCeiling());
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");

        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(strings(config.path("Env"))).contains("QUARKUS_HTTP_PORT=8080");

        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isNotBlank();
        assertThat(labels.path("org.opencontainers.image.source").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-service", "swarm-service", "expert-finder-service", "knowledge-service", "notification-service" })
    void layersHoldTheBaseImageAndQuarkusAppInLayersByHowOftenTheyChange(String service) throws Exception {
        Image image = Image.unpack(service);
        Path quarkusApp = ROOT.resolve(service).resolve("target/quarkus-app");

        // Jib's own application layers come last, in that order, above at least the base image's Java runtime.
        List<String> names = image.layerNames();
        assertThat(names.subList(names.size() - APP_LAYERS.size(), names.size())).containsExactlyElementsOf(APP_LAYERS);
        int firstAppLayer = names.indexOf("quarkus libraries");
        assertThat(image.layerFiles(names.indexOf("quarkus libraries")))
                .as("the libraries layer holds the third-party jars")
                .containsAll(files(quarkusApp, "lib").stream()
                        .filter(f -> !f.startsWith("lib/main/io.caseswarm.")).map(f -> "deployments/" + f).toList());
        assertThat(image.layerFiles(names.indexOf("caseswarm libraries")))
                .containsExactly("deployments/lib/main/io.caseswarm.event-platform-" + VERSION + ".jar");
        assertThat(image.layerFiles(names.indexOf("quarkus application")))
                .contains("deployments/quarkus-run.jar", "deployments/app/" + service + "-" + VERSION + ".jar",
                        "deployments/quarkus/quarkus-application.dat");
        boolean baseHasJava = false;
        for (int i = 0; i < firstAppLayer; i++) {
            baseHasJava |= image.layerFiles(i).stream().anyMatch(f -> f.matches(".*/bin/java"));
        }
        assertThat(baseHasJava).as("a base layer below the application holds a java binary").isTrue();

        // The image's /deployments is target/quarkus-app, file for file, and its user can read all of it;
        // Jib's own layout (/app, the project's classes and Maven dependencies) is not there.
        Path rootfs = image.rootfs();
        assertThat(files(rootfs, "deployments")).containsExactlyInAnyOrderElementsOf(
                files(quarkusApp, "").stream().map(f -> "deployments/" + f).toList());
        assertThat(rootfs.resolve("app")).doesNotExist();
        try (Stream<Path> all = Files.walk(rootfs.resolve("deployments"))) {
            assertThat(all.filter(Files::isRegularFile))
                    .allSatisfy(f -> assertThat(Files.getPosixFilePermissions(f)).contains(PosixFilePermission.OTHERS_READ));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-service", "swarm-service", "expert-finder-service", "knowledge-service", "notification-service" })
    void imageStartsTheServiceWhichMigratesItsDatabaseAndNamesTheMissingSettings(String service) throws Exception {
        Image image = Image.unpack(service);
        JsonNode config = image.config.path("config");
        String database = "image_check_" + service.replace('-', '_');
        recreateDatabase(database);
        try {
            Map<String, String> env = new LinkedHashMap<>();
            for (String variable : strings(config.path("Env"))) {
                env.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
            }
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            // Nothing listens there: the service must stop before it needs Kafka.
            env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
            if (service.equals("notification-service")) {
                // Settings its configuration validation asks for before the database, so it gets as far as the others.
                env.put("CASESWARM_SMTP_HOST", "127.0.0.1");
                env.put("CASESWARM_SMTP_PORT", "2525");
                env.put("CASESWARM_SMTP_FROM", "caseswarm@example.com");
            }

            Run run = image.run(env, 180);

            assertThat(run.exitCode).as("exit code; output:%n%s", run.output).isNotZero();
            assertThat(run.output).doesNotContain("Unrecognized VM option", "UnsatisfiedLinkError", "ClassNotFoundException",
                    "Could not find or load main class");
            assertThat(run.output).contains("Successfully applied", "Missing required setting");
            assertThat(run.output).contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        } finally {
            dropDatabase(database);
        }
    }

    /** deploy/jvm/service.options without its comments and its fixed heap ceiling. */
    private static List<String> serviceOptionsExceptHeapCeiling() throws IOException {
        return Files.readAllLines(ROOT.resolve("deploy/jvm/service.options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("-Xmx"))
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Regular files under base/sub, relative to base, with '/' separators. */
    private static Set<String> files(Path base, String sub) throws IOException {
        try (Stream<Path> all = Files.walk(base.resolve(sub))) {
            Set<String> files = new TreeSet<>();
            all.filter(Files::isRegularFile).forEach(f -> files.add(base.relativize(f).toString()));
            return files;
        }
    }

    private static void recreateDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private static void dropDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    record Run(int exitCode, String output) {
    }

    /** An image tarball unpacked: its manifest and configuration, its layers, and (once asked) its root filesystem. */
    static final class Image {
        final Path dir;
        final JsonNode manifest;
        final JsonNode config;
        private Path rootfs;

        private Image(Path dir) throws IOException {
            this.dir = dir;
            this.manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).get(0);
            this.config = JSON.readTree(dir.resolve(manifest.path("Config").asText()).toFile());
        }

        static Image unpack(String service) throws Exception {
            Path tarball = ROOT.resolve(service).resolve("target/jib-image.tar");
            assertThat(tarball).as("built by ./mvnw package -Pimage").exists();
            Path dir = Files.createDirectories(ROOT.resolve("deploy/image-check/target/images").resolve(service));
            delete(dir);
            Files.createDirectories(dir);
            run(List.of("tar", "--warning=no-unknown-keyword", "-xf", tarball.toString(), "-C", dir.toString()));
            return new Image(dir);
        }

        List<Path> layers() {
            return strings(manifest.path("Layers")).stream().map(dir::resolve).toList();
        }

        /** The comment of each layer's history entry: its name ("quarkus libraries", ...). */
        List<String> layerNames() {
            List<String> names = new ArrayList<>();
            config.path("history").forEach(entry -> {
                if (!entry.path("empty_layer").asBoolean(false)) {
                    names.add(entry.path("comment").asText());
                }
            });
            assertThat(names).as("one history entry per layer").hasSameSizeAs(layers());
            return names;
        }

        List<String> layerFiles(int index) throws Exception {
            return run(List.of("tar", "--warning=no-unknown-keyword", "-tzf", layers().get(index).toString())).lines()
                    .map(name -> name.startsWith("./") ? name.substring(2) : name)
                    .filter(name -> !name.isEmpty() && !name.endsWith("/"))
                    .toList();
        }

        /** The layers extracted in order into one directory, as a runtime lays them over each other. */
        Path rootfs() throws Exception {
            if (rootfs == null) {
                Path into = Files.createDirectories(dir.resolve("rootfs"));
                for (Path layer : layers()) {
                    assertThat(run(List.of("tar", "--warning=no-unknown-keyword", "-tzf", layer.toString()))).as("no whiteouts to apply").doesNotContain(".wh.");
                    run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", layer.toString(), "-C", into.toString()));
                }
                rootfs = into;
            }
            return rootfs;
        }

        /**
         * Starts the image's entrypoint in a chroot of its root filesystem, in a new mount and PID namespace
         * with its own /proc, in its working directory, as its user and with only the given environment, like a
         * container runtime (without its network and cgroup isolation). "java" is found on the image's PATH.
         */
        Run run(Map<String, String> env, int timeoutSeconds) throws Exception {
            JsonNode imageConfig = config.path("config");
            String[] user = imageConfig.path("User").asText().split(":");
            Path root = rootfs();
            Files.createDirectories(root.resolve("proc"));
            List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
                    // --root comes first: /proc is mounted inside the new root.
                    "--mount-proc=/proc", "--root=" + root, "--wd=" + imageConfig.path("WorkingDir").asText(),
                    "--setuid", user[0], "--setgid", user[1]));
            command.addAll(strings(imageConfig.path("Entrypoint")));
            Path log = dir.resolve("run.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after " + timeoutSeconds + " s; output:\n" + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        }

        private static String run(List<String> command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
            return output;
        }

        private static void delete(Path dir) throws IOException {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
