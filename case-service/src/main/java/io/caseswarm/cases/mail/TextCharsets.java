package io.caseswarm.cases.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.MimeUtility;

/** Turns the bytes of mail text into characters, also when the sender did not say (or lied about) the charset. */
final class TextCharsets {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextCharsets() {
    }

    /**
     * Decodes with the declared charset when Java knows it. Latin-1 and US-ASCII labels are read as windows-1252,
     * as browsers do: Outlook labels text iso-8859-1 and still writes € and curly quotes from windows-1252, and
     * 8-bit bytes under a US-ASCII label mean the label is wrong. Without a usable label the bytes are guessed.
     */
    static String decode(byte[] bytes, String declaredCharset) {
        Optional<Charset> declared = known(declaredCharset);
        if (declared.isEmpty() || declared.get().equals(StandardCharsets.US_ASCII)) {
            return guess(bytes);
        }
        Charset charset = declared.get().equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : declared.get();
        return new String(bytes, charset);
    }

    /** Unlabelled 8-bit text: valid UTF-8 is almost never anything else; otherwise the western default. */
    static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * Header text as Jakarta Mail hands it over holds each raw byte as one char (it reads headers as ISO-8859-1).
     * Clients that put raw 8-bit text in headers (RFC 6532 UTF-8, or a local charset) are read back with the
     * same guess as unlabelled bodies.
     */
    static String repairRawHeader(String header) {
        if (header == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c > 0xFF) {
                return header;
            }
            eightBit |= c >= 0x80;
        }
        return eightBit ? guess(header.getBytes(StandardCharsets.ISO_8859_1)) : header;
    }

    /** The charset of a MIME label such as {@code "UTF-8"}, {@code "latin1"} or {@code "ks_c_5601-1987"}, if Java has it. */
    static Optional<Charset> known(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "");
        int language = name.indexOf('*'); // RFC 2231 adds "*lang" to charsets in encoded words
        if (language > 0) {
            name = name.substring(0, language);
        }
        // Java's own names first: Jakarta maps "us-ascii" to ISO-8859-1, which would hide a wrong ASCII label.
        for (String candidate : List.of(name, MimeUtility.javaCharset(name.toLowerCase(Locale.ROOT)))) {
            try {
                return Optional.of(Charset.forName(candidate));
            } catch (IllegalArgumentException unknown) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }
}
