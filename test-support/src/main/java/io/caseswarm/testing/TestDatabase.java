package io.caseswarm.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database on the real PostgreSQL server, dropped again when the tests are done.
 * The server is the project's (127.0.0.1:5432, trust auth) unless {@code CASESWARM_PG_URL},
 * {@code CASESWARM_PG_USER} and {@code CASESWARM_PG_PASSWORD} name another.
 */
public final class TestDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String prefix) {
        this.serverUrl = env("CASESWARM_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        this.user = env("CASESWARM_PG_USER", "postgres");
        this.password = env("CASESWARM_PG_PASSWORD", "");
        this.name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static TestDatabase create(String prefix) {
        TestDatabase database = new TestDatabase(prefix);
        database.execute("create database " + database.name);
        return database;
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    public String name() {
        return name;
    }

    /** The datasource settings a Quarkus service needs to use this database. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** The same settings, but reaching the server through {@code proxy}, so a test can cut the database off. */
    public Map<String, String> quarkusConfigVia(TcpProxy proxy) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** A proxy in front of this database's server, for tests that take the database away for a while. */
    public TcpProxy proxy() {
        URI server = URI.create(serverUrl.substring("jdbc:".length()));
        return TcpProxy.to(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, password);
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl
                    + " (is PostgreSQL running? ./caseswarm test starts it)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
