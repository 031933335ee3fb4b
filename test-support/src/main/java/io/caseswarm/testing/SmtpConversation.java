package io.caseswarm.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The client's side of one SMTP session (RFC 5321), just enough to hand a raw message to a server as it
 * is: commands, multi-line replies, and the DATA phase with its dot-stuffing and CRLF line ends.
 */
final class SmtpConversation {

    private final BufferedReader in;
    private final OutputStream out;

    SmtpConversation(Socket socket) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
        this.out = socket.getOutputStream();
    }

    void command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(US_ASCII));
        out.flush();
        expect(expected);
    }

    /** Reads a reply, all its lines ("250-..." continues, "250 ..." ends it), and checks its code. */
    void expect(int expected) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("The SMTP server closed the connection; expected " + expected);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(String.valueOf(expected))) {
            throw new IOException("The SMTP server answered \"" + line + "\"; expected " + expected);
        }
    }

    /** The message, with every line ending in CRLF and dot-stuffed, then the lone dot that ends it. */
    void data(byte[] raw) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream(raw.length + 64);
        boolean lineStart = true;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (lineStart && b == '.') {
                wire.write('.');
            }
            if (b == '\n' && (i == 0 || raw[i - 1] != '\r')) {
                wire.write('\r');
            }
            wire.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            wire.write('\r');
            wire.write('\n');
        }
        wire.write(".\r\n".getBytes(US_ASCII));
        out.write(wire.toByteArray());
        out.flush();
    }
}
