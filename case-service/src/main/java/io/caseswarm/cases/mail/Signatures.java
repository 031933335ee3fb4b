package io.caseswarm.cases.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the signature under a mail's text: the RFC 3676 delimiter line "-- " and everything after it, and the
 * "Sent from my iPhone" lines that phones add at the end, in the languages of our customers.
 */
final class Signatures {

    private static final Pattern DELIMITER = Pattern.compile("^-- ?$");
    private static final Pattern DEVICE_FOOTER = Pattern.compile(
            "^(Sent from|Sent via|Sent with|Get Outlook for|Inviato da|Inviato dal|Inviato con|Envoyé de|Envoyé depuis"
                    + "|Enviado desde|Enviado do|Verzonden met|Verstuurd vanaf|Von meinem .{1,40} gesendet|Gesendet von"
                    + "|Εστάλη από|Στάλθηκε από|Отправлено с|Отправлено из|Gửi từ|Skickat från|Sendt fra|Wysłane z"
                    + "|ارسال شده از|ارسال‌شده از).{0,60}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Signatures() {
    }

    static boolean isDelimiter(String line) {
        return DELIMITER.matcher(line).matches();
    }

    /** The text above the signature; may be empty when there was nothing else. */
    static String strip(String text) {
        List<String> lines = new ArrayList<>(List.of(PlainText.lineEndsNormalized(text).split("\n", -1)));
        for (int i = 0; i < lines.size(); i++) {
            if (isDelimiter(lines.get(i))) {
                lines = new ArrayList<>(lines.subList(0, i));
                break;
            }
        }
        while (!lines.isEmpty() && (lines.getLast().isBlank()
                || DEVICE_FOOTER.matcher(lines.getLast().trim()).matches())) {
            lines.removeLast();
        }
        return PlainText.tidy(String.join("\n", lines));
    }
}
