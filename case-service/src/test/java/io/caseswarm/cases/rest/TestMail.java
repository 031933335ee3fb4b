package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A raw mail as a customer's client would send it, written out line by line: the tests hand these bytes
 * to the desk exactly as a gateway or a mailbox would.
 */
final class TestMail {

    private final List<String> headers = new ArrayList<>();
    private String body = "Hello, the invoice sync fails since this morning.";
    private final List<String[]> files = new ArrayList<>();

    private TestMail() {
    }

    /** A plain mail from {@code address} to the support mailbox, with a fresh Message-ID. */
    static TestMail from(String address) {
        TestMail mail = new TestMail();
        mail.headers.add("From: " + address);
        mail.headers.add("To: support@caseswarm.local");
        mail.headers.add("Date: Tue, 01 Dec 2026 10:15:00 +0100");
        mail.headers.add("Message-ID: <" + newMessageId() + ">");
        mail.headers.add("Subject: Invoice sync fails");
        return mail;
    }

    static String newMessageId() {
        return UUID.randomUUID() + "@client.example";
    }

    static String newSender() {
        return "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Replaces the header of that name (or adds it); a null value removes it. */
    TestMail header(String name, String value) {
        headers.removeIf(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        if (value != null) {
            headers.add(name + ": " + value);
        }
        return this;
    }

    TestMail subject(String subject) {
        return header("Subject", subject);
    }

    TestMail messageId(String id) {
        return header("Message-ID", id == null ? null : "<" + id + ">");
    }

    TestMail inReplyTo(String id) {
        return header("In-Reply-To", "<" + id + ">");
    }

    TestMail body(String text) {
        this.body = text;
        return this;
    }

    TestMail attach(String name, String contentType, byte[] bytes) {
        files.add(new String[] { name, contentType, Base64.getMimeEncoder().encodeToString(bytes) });
        return this;
    }

    String messageId() {
        return headers.stream().filter(line -> line.startsWith("Message-ID: <"))
                .map(line -> line.substring("Message-ID: <".length(), line.length() - 1)).findFirst().orElse(null);
    }

    byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        headers.forEach(line -> mail.append(line).append("\r\n"));
        mail.append("MIME-Version: 1.0\r\n");
        if (files.isEmpty()) {
            mail.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                    .append(body.replace("\n", "\r\n")).append("\r\n");
            return mail.toString().getBytes(UTF_8);
        }
        String boundary = "b-" + UUID.randomUUID();
        mail.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        mail.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 8bit\r\n\r\n").append(body.replace("\n", "\r\n")).append("\r\n");
        for (String[] file : files) {
            mail.append("--").append(boundary).append("\r\nContent-Type: ").append(file[1]).append("\r\n")
                    .append("Content-Disposition: attachment; filename=\"").append(file[0]).append("\"\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n").append(file[2].replace("\n", "\r\n"))
                    .append("\r\n");
        }
        mail.append("--").append(boundary).append("--\r\n");
        return mail.toString().getBytes(UTF_8);
    }
}
