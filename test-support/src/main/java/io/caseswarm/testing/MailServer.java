package io.caseswarm.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real mail server (GreenMail, sandboxed: it keeps every mail and delivers nothing onwards) in a
 * child process on free ports, started from what {@code deploy/mail-server} assembles: SMTP to send to,
 * IMAP to read mailboxes as a mail client or the desk does (any password logs in to the mailbox of the
 * address given as user). Mails are also read back through its HTTP API, as a person would open their
 * inbox.
 */
public final class MailServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort = FreePorts.next();
    private final int imapPort = FreePorts.next();
    private final int apiPort = FreePorts.next();
    private Process process;

    private MailServer() {
    }

    public static MailServer start() {
        MailServer server = new MailServer();
        server.startProcess();
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /**
     * Hands {@code raw}, a whole message, to the SMTP server for {@code to}, byte for byte as a mail client
     * would (a line starting with a dot is doubled, as SMTP requires). Returns when the server took it.
     */
    public void deliver(String from, String to, byte[] raw) {
        try (Socket socket = new Socket("127.0.0.1", smtpPort)) {
            socket.setSoTimeout(10_000);
            SmtpConversation smtp = new SmtpConversation(socket);
            smtp.expect(220);
            smtp.command("EHLO test-client", 250);
            smtp.command("MAIL FROM:<" + from + ">", 250);
            smtp.command("RCPT TO:<" + to + ">", 250);
            smtp.command("DATA", 354);
            smtp.data(raw);
            smtp.expect(250);
            smtp.command("QUIT", 221);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver a mail to " + to, e);
        }
    }

    /** Every mail received for the address, oldest first; none when nobody wrote to it yet. */
    public List<ReceivedMail> mailsTo(String address) {
        URI uri = URI.create(apiUrl() + "/api/user/" + URLEncoder.encode(address, UTF_8) + "/messages/INBOX");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<ReceivedMail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(new ReceivedMail(message.path("subject").asText(),
                        ReceivedMail.decode(message.path("mimeMessage").asText())));
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stopProcess() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void startProcess() {
        Path libs = Path.of(System.getProperty("caseswarm.mail.home", "deploy/mail-server/target/mail-server"), "libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("No assembled mail server at " + libs
                    + "; build deploy/mail-server first (./mvnw -pl deploy/mail-server package)");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-cp", libs + "/*", "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the mail server", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(apiUrl() + "/api/service/readiness")).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The mail server exited with " + process.exitValue());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The mail server was not ready within " + START_TIMEOUT);
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public void close() {
        stopProcess();
    }

    /** A received mail: its subject and its whole text (headers and body, transfer encoding undone). */
    public record ReceivedMail(String subject, String text) {

        /** Undoes quoted-printable: soft line breaks and =XX escapes (mail bodies wrap long links). */
        static String decode(String mime) {
            String joined = mime.replace("=\r\n", "").replace("=\n", "");
            StringBuilder out = new StringBuilder();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < joined.length(); i++) {
                char c = joined.charAt(i);
                if (c == '=' && i + 2 < joined.length() && isHex(joined.charAt(i + 1)) && isHex(joined.charAt(i + 2))) {
                    bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                }
                if (bytes.size() > 0) {
                    out.append(bytes.toString(UTF_8));
                    bytes.reset();
                }
                out.append(c);
            }
            out.append(bytes.toString(UTF_8));
            return out.toString();
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }
    }
}
