package io.caseswarm.cases.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * Decodes RFC 2047 encoded words in header text.
 *
 * <p>Our own decoder rather than {@code MimeUtility.decodeText}, because clients split long subjects into several
 * encoded words in the middle of a multi-byte character (a Vietnamese or Greek letter cut between two base64
 * words): adjacent words in the same charset are joined as bytes first and decoded once. It is also lenient where
 * real mail is sloppy: encoded words inside quotes or glued to other text, missing base64 padding.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    /** The readable text of a raw (possibly folded, possibly 8-bit) header value; null stays null. */
    static String decode(String rawHeader) {
        if (rawHeader == null) {
            return null;
        }
        String text = TextCharsets.repairRawHeader(MimeUtility.unfold(rawHeader));
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        Run run = null;
        int end = 0;
        while (word.find()) {
            String between = text.substring(end, word.start());
            Optional<byte[]> bytes = bytes(word.group(2), word.group(3));
            Optional<Charset> charset = TextCharsets.known(word.group(1));
            if (bytes.isEmpty()) { // not really an encoded word: keep it as it stands
                flush(run, out);
                run = null;
                out.append(between).append(word.group());
                end = word.end();
                continue;
            }
            boolean adjacent = run != null && between.isBlank(); // RFC 2047: space between encoded words is not text
            if (!adjacent || !run.sameCharset(charset)) {
                flush(run, out);
                if (!adjacent) {
                    out.append(between);
                }
                run = new Run(charset);
            }
            run.bytes.writeBytes(bytes.get());
            end = word.end();
        }
        flush(run, out);
        out.append(text.substring(end));
        return out.toString();
    }

    private static void flush(Run run, StringBuilder out) {
        if (run != null) {
            byte[] bytes = run.bytes.toByteArray();
            out.append(run.charset.map(charset -> new String(bytes, charset)).orElseGet(() -> TextCharsets.guess(bytes)));
        }
    }

    private static Optional<byte[]> bytes(String encoding, String encoded) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                return Optional.of(Base64.getMimeDecoder().decode(encoded));
            } catch (IllegalArgumentException broken) {
                return Optional.empty();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && isHex(encoded, i + 1)) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    private static boolean isHex(String s, int from) {
        return from + 2 <= s.length() && HexFormat.isHexDigit(s.charAt(from)) && HexFormat.isHexDigit(s.charAt(from + 1));
    }

    /** Consecutive encoded words in one charset, collected as bytes until they can be decoded together. */
    private static final class Run {
        final Optional<Charset> charset;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Run(Optional<Charset> charset) {
            this.charset = charset;
        }

        boolean sameCharset(Optional<Charset> other) {
            return charset.equals(other);
        }
    }
}
