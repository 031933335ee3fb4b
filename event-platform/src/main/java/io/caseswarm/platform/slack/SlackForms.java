package io.caseswarm.platform.slack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack's slash commands and interactions arrive form-encoded ({@code application/x-www-form-urlencoded});
 * they are parsed here from the raw bytes the signature was checked over, never before.
 */
public final class SlackForms {

    private SlackForms() {
    }

    /** The form's fields; a field given twice keeps its first value. Malformed escapes are a bad request. */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The form is not well encoded", e);
            }
        }
        return fields;
    }
}
