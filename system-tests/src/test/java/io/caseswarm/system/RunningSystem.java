package io.caseswarm.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.caseswarm.auth.LocalIssuer;
import io.caseswarm.slackstandin.SlackStandIn;
import io.caseswarm.testing.FreePorts;
import io.caseswarm.testing.KafkaBroker;
import io.caseswarm.testing.MailServer;
import io.caseswarm.testing.TcpProxy;
import io.caseswarm.testing.TestDatabase;

/**
 * All of Caseswarm as real processes on free ports: the Kafka broker, an SMTP server, a stand-in for
 * Slack's Web API, an OTLP receiver for the services' spans, and the five packaged services, each with a fresh database of its own. Everything is
 * stopped and dropped on close.
 */
final class RunningSystem implements AutoCloseable {

    /** The support mailbox case-service reads: mail sent here opens cases. */
    static final String SUPPORT_ADDRESS = "support@caseswarm.local";

    /** The Slack app's settings: the bot's token, the secret Slack signs its requests with, the channel. */
    static final String SLACK_BOT_TOKEN = "xoxb-system-test";
    static final String SLACK_SIGNING_SECRET = "system-test-slack-signing-secret";
    static final String SLACK_CHANNEL = "C0SWARMS";

    static final List<String> SERVICES = List.of(
            "case-service", "swarm-service", "expert-finder-service", "knowledge-service", "notification-service");

    private final Path root = Path.of(System.getProperty("caseswarm.root", "..")).toAbsolutePath().normalize();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker broker;
    private MailServer mail;
    private SlackStandIn slack;
    private SpanCollector spans;
    private final LocalIssuer issuer = LocalIssuer.generate();
    /** Given to every service as system properties, over the system's own settings. */
    private final Map<String, String> extraConfig;
    /** When set, each service reaches its database through a {@link TcpProxy} that a test can cut. */
    private final boolean proxyDatabases;
    private final Map<String, TcpProxy> databaseProxies = new LinkedHashMap<>();
    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();

    /** The services this system runs: all five, or the few a benchmark needs. */
    private final List<String> names;
    /** How many processes run each service: one, unless a run scales it out. */
    private final Map<String, Integer> replicaCounts;
    /** Every process of each service, the first one (also in {@link #services}) first. */
    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();

    private RunningSystem(Map<String, String> extraConfig, boolean proxyDatabases, List<String> names,
            Map<String, Integer> replicaCounts) {
        this.extraConfig = Map.copyOf(extraConfig);
        this.proxyDatabases = proxyDatabases;
        this.names = List.copyOf(names);
        this.replicaCounts = Map.copyOf(replicaCounts);
    }

    static RunningSystem start() {
        return start(Map.of(), false);
    }

    /**
     * The system with more settings for every service (e.g. a switch only a test sets), and, if asked,
     * each service's database behind a proxy that {@link #databaseProxy(String)} cuts.
     */
    static RunningSystem start(Map<String, String> extraConfig, boolean proxyDatabases) {
        return start(extraConfig, proxyDatabases, SERVICES);
    }

    /** Only the services named, with the broker and the mail server they need. */
    static RunningSystem startOnly(String... names) {
        return start(Map.of(), false, List.of(names));
    }

    /** Only the services named, with more settings for each (e.g. where to send mail). */
    static RunningSystem startOnly(Map<String, String> extraConfig, List<String> names) {
        return start(extraConfig, false, names);
    }

    /**
     * The services {@code names}, each run by as many processes as {@code replicaCounts} says (one if it does not
     * name it): replicas of a service have their own ports and logs, and share its database and consumer groups,
     * as the replicas of a Deployment do.
     */
    static RunningSystem startReplicated(Map<String, String> extraConfig, List<String> names,
            Map<String, Integer> replicaCounts) {
        return start(extraConfig, false, names, replicaCounts);
    }

    private static RunningSystem start(Map<String, String> extraConfig, boolean proxyDatabases, List<String> names) {
        return start(extraConfig, proxyDatabases, names, Map.of());
    }

    private static RunningSystem start(Map<String, String> extraConfig, boolean proxyDatabases, List<String> names,
            Map<String, Integer> replicaCounts) {
        RunningSystem system = new RunningSystem(extraConfig, proxyDatabases, names, replicaCounts);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        broker = KafkaBroker.start(List.of());
        started.add(broker);
        mail = MailServer.start();
        started.add(mail);
        slack = startSlack();
        started.add(slack);
        spans = SpanCollector.start();
        started.add(spans);

        // One key folder per system: two systems side by side (e.g. two chaos runs) must not verify with each other's key.
        Path keys = root.resolve("system-tests/target/keys/" + java.util.UUID.randomUUID());
        issuer.save(keys);

        Map<String, Integer> ports = new HashMap<>();
        names.forEach(name -> ports.put(name, FreePorts.next()));
        for (String name : names) {
            TestDatabase database = TestDatabase.create(name.replace('-', '_') + "_sys");
            started.add(database);
            databases.put(name, database);
            Map<String, String> config = new HashMap<>(database.quarkusConfig());
            if (proxyDatabases) {
                TcpProxy proxy = database.proxy();
                started.add(proxy);
                databaseProxies.put(name, proxy);
                config.putAll(database.quarkusConfigVia(proxy));
            }
            config.put("kafka.bootstrap.servers", broker.bootstrapServers());
            // The packaged services run in the prod profile, which has no local addresses: everything
            // they need is given here, as a deployment would.
            config.put("caseswarm.smtp.host", "127.0.0.1");
            config.put("caseswarm.smtp.port", String.valueOf(mail.smtpPort()));
            config.put("caseswarm.smtp.from", "Caseswarm Support <" + SUPPORT_ADDRESS + ">");
            config.put("caseswarm.smtp.reply-to", SUPPORT_ADDRESS);
            if (name.equals("case-service")) {
                // It reads the support mailbox over IMAP, as it would a real one.
                config.put("caseswarm.email.mailboxes.support.address", SUPPORT_ADDRESS);
                config.put("caseswarm.email.mailboxes.support.imap.host", "127.0.0.1");
                config.put("caseswarm.email.mailboxes.support.imap.port", String.valueOf(mail.imapPort()));
                config.put("caseswarm.email.mailboxes.support.imap.tls", "none");
                config.put("caseswarm.email.mailboxes.support.imap.user", SUPPORT_ADDRESS);
                config.put("caseswarm.email.mailboxes.support.imap.password", "local");
                config.put("caseswarm.email.mailboxes.support.imap.poll-interval", "PT5S");
            }
            if (name.equals("swarm-service") || name.equals("notification-service")) {
                // Invitation mails link to swarm-service's /actions/ pages, signed with a secret both share.
                config.put("caseswarm.action-links.secret", "system-test-action-link-secret-0123456789");
                config.put("caseswarm.notifications.swarm-service-url",
                        "http://127.0.0.1:" + ports.getOrDefault("swarm-service", 8082));
            }
            if (name.equals("swarm-service")) {
                // Swarms show in Slack: its Web API is the stand-in, and requests "from Slack" are signed with this.
                config.put("caseswarm.slack.enabled", "true");
                config.put("caseswarm.slack.api-url", slack.apiUrl());
                config.put("caseswarm.slack.bot-token", SLACK_BOT_TOKEN);
                config.put("caseswarm.slack.signing-secret", SLACK_SIGNING_SECRET);
                config.put("caseswarm.slack.default-channel", SLACK_CHANNEL);
            }
            config.put("mp.jwt.verify.publickey.location", keys.resolve(LocalIssuer.PUBLIC_KEY_FILE).toString());
            config.put("mp.jwt.verify.issuer", LocalIssuer.ISSUER);
            config.put("caseswarm.tracing.otlp-endpoint", spans.endpoint());
            config.putAll(extraConfig);
            ServiceProcess service = ServiceProcess.start(root, name, ports.get(name), config);
            started.add(service);
            services.put(name, service);
            List<ServiceProcess> processes = new ArrayList<>(List.of(service));
            for (int replica = 2; replica <= replicaCounts.getOrDefault(name, 1); replica++) {
                ServiceProcess another = ServiceProcess.startReplica(root, name, replica, FreePorts.next(), config);
                started.add(another);
                processes.add(another);
            }
            replicas.put(name, processes);
        }
        replicas.values().forEach(processes -> processes.forEach(ServiceProcess::awaitReady));
    }

    /** Every process of a service, the first one first. */
    List<ServiceProcess> replicas(String service) {
        return replicas.get(service);
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** The services' process ids by name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> pids.put(name, service.pid()));
        return pids;
    }

    KafkaBroker broker() {
        return broker;
    }

    /** The proxy between a service and its database; only when started with {@code proxyDatabases}. */
    TcpProxy databaseProxy(String service) {
        return databaseProxies.get(service);
    }

    String url(String service) {
        return services.get(service).url();
    }

    /** Issues the tokens the services accept, as the organisation's identity provider would. */
    LocalIssuer issuer() {
        return issuer;
    }

    String log(String service) {
        return services.get(service).log();
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    MailServer mail() {
        return mail;
    }

    /** The spans the services exported over OTLP, as a collector receives them. */
    SpanCollector spans() {
        return spans;
    }

    /** The Slack workspace, as far as the system can tell: what it sent to Slack's Web API. */
    SlackStandIn slack() {
        return slack;
    }

    private static SlackStandIn startSlack() {
        try {
            return SlackStandIn.start(0, SLACK_BOT_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the Slack stand-in", e);
        }
    }

    /** Start time and resident memory of each service, for the record. */
    String report() {
        StringBuilder report = new StringBuilder();
        services.values().forEach(service -> report.append("%-22s ready after %5.1f s, RSS %4d MB%n".formatted(
                service.name(), service.startTime().toMillis() / 1000.0, service.residentMemoryMb())));
        return report.toString();
    }

    /** A service's own database, for a benchmark that seeds it directly. */
    TestDatabase database(String service) {
        return databases.get(service);
    }

    /** Stops what was started in reverse: each service before its database, the broker last. */
    @Override
    public void close() {
        replicas.values().forEach(processes -> processes.forEach(ServiceProcess::signalStop));
        List<AutoCloseable> reversed = new ArrayList<>(started);
        java.util.Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e);
            }
        }
    }
}
