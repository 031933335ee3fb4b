package io.caseswarm.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * An SMTP server (RFC 5321, plain, no authentication) that accepts every mail and tells the benchmark
 * the instant it accepted each one: the moment after the end of DATA at which a real relay would have
 * taken responsibility for it. Mail is kept nowhere; the listener gets each message's text, with
 * quoted-printable soft line breaks joined, so that a long link can be found in it.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final BiConsumer<Long, String> accepted;

    /** {@code accepted} receives {@link System#nanoTime()} at acceptance and the message's text. */
    SmtpSink(BiConsumer<Long, String> accepted) {
        this.accepted = accepted;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptConnections);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sessions.submit(() -> converse(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), UTF_8));
                OutputStream out = client.getOutputStream()) {
            reply(out, "220 caseswarm-bench ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-caseswarm-bench\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String text = readData(in);
                        long at = System.nanoTime();
                        reply(out, "250 OK: accepted");
                        accepted.accept(at, text);
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            if (unstuffed.endsWith("=")) { // a quoted-printable soft line break: the line goes on
                text.append(unstuffed, 0, unstuffed.length() - 1);
            } else {
                text.append(unstuffed).append('\n');
            }
        }
        return text.toString();
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sessions.shutdownNow();
    }
}
