package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a multipart body (RFC 2046, RFC 7578) part by part while it arrives, holding no more than one
 * buffer of it: each part's content is a stream that ends where the next delimiter begins. Reading the
 * next part skips what is left of the current one.
 */
final class MultipartReader {

    /** Thrown for a body that is not the multipart it claims to be. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** One part: its headers (names in lower case) and its content. */
    record Part(Map<String, String> headers, InputStream content) {

        String header(String name) {
            return headers.get(name);
        }
    }

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start;
    private int end;
    private PartContent current;
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(ISO_8859_1);
        // The first delimiter opens the body without a line break before it: lend it one, so that every
        // delimiter is found alike (and a preamble is skipped like the rest of a part).
        buffer[end++] = '\r';
        buffer[end++] = '\n';
        current = new PartContent();
    }

    /** The next part, or null after the closing delimiter. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        current.transferTo(OutputStream.nullOutputStream());
        if (startsWith("--")) {
            finished = true;
            return null;
        }
        skipTransportPadding();
        if (!startsWith("\r\n")) {
            throw new MalformedException("a delimiter is not followed by a line break");
        }
        start += 2;
        Map<String, String> headers = headers();
        current = new PartContent();
        return new Part(headers, current);
    }

    private void skipTransportPadding() throws IOException {
        while (buffered(1) && (buffer[start] == ' ' || buffer[start] == '\t')) {
            start++;
        }
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new TreeMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int read = 0;
        while (true) {
            if (!buffered(2)) {
                throw new MalformedException("the body ends inside a part's headers");
            }
            if (++read > MAX_HEADER_BYTES) {
                throw new MalformedException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (buffer[start] == '\r' && buffer[start + 1] == '\n') {
                start += 2;
                if (line.size() == 0) {
                    return headers;
                }
                String field = line.toString(UTF_8); // browsers send file names as UTF-8
                int colon = field.indexOf(':');
                if (colon <= 0) {
                    throw new MalformedException("a part's header has no name");
                }
                headers.put(field.substring(0, colon).strip().toLowerCase(Locale.ROOT), field.substring(colon + 1).strip());
                line.reset();
            } else {
                line.write(buffer[start++]);
            }
        }
    }

    private boolean startsWith(String text) throws IOException {
        byte[] bytes = text.getBytes(ISO_8859_1);
        if (!buffered(bytes.length)) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (buffer[start + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether at least {@code count} bytes are buffered, reading more if needed; false at the end of the body. */
    private boolean buffered(int count) throws IOException {
        while (end - start < count) {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
        }
        return true;
    }

    /** Where the next delimiter starts in the buffer, or -1. */
    private int delimiterAt() {
        for (int i = start; i <= end - delimiter.length; i++) {
            if (buffer[i] == delimiter[0] && matchesAt(i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matchesAt(int position) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[position + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    /** A part's content: the bytes up to the next delimiter, which it consumes at its end. */
    private final class PartContent extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            while (true) {
                boolean more = buffered(delimiter.length);
                int found = delimiterAt();
                if (found == start) {
                    start += delimiter.length;
                    ended = true;
                    return -1;
                }
                // Bytes before a delimiter, or before where one could still begin, are content.
                int content = found >= 0 ? found - start : end - start - (delimiter.length - 1);
                if (content > 0) {
                    int count = Math.min(length, content);
                    System.arraycopy(buffer, start, target, offset, count);
                    start += count;
                    return count;
                }
                if (!more || !buffered(end - start + 1)) {
                    throw new MalformedException("the body ends inside a part");
                }
            }
        }
    }
}
