package io.caseswarm.cases.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes the earlier mails that a reply carries along, so that a case shows each message once.
 *
 * <p>Recognised, in the languages of our customers: lines quoted with {@code >}; attribution lines such as
 * "On … wrote:", "Am … schrieb …:", "Le … a écrit :", "Il giorno … ha scritto:", "Στις … έγραψε:" (also when the
 * client wrapped them over up to three lines); Outlook's "-----Original Message-----" separator and its
 * "From: / Sent: / To: / Subject:" header block. Everything from an attribution, separator or header block on is
 * history, except in an interleaved reply (answers written between quoted lines), where only the quoted lines go.
 */
final class QuotedHistory {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Attribution lines that cannot be mistaken for anything else: a known opening and a known ending. */
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            Pattern.compile("^On .{3,300}wrote:$", FLAGS),
            Pattern.compile("^Am .{3,300}schrieb.{0,300}:$", FLAGS),
            Pattern.compile("^Le .{3,300}a écrit ?:$", FLAGS),
            Pattern.compile("^Il .{3,300}ha scritto ?:$", FLAGS),
            Pattern.compile("^Στις .{3,300}έγραψε ?:$", FLAGS),
            Pattern.compile("^El .{3,300}escribió ?:$", FLAGS),
            Pattern.compile("^Em .{3,300}escreveu ?:$", FLAGS),
            Pattern.compile("^Op .{3,300}schreef.{0,300}:$", FLAGS),
            Pattern.compile("^Vào .{3,300}đã viết ?:$", FLAGS),
            Pattern.compile("^در .{3,300}نوشت ?:$", FLAGS));
    /** Endings alone are weaker evidence: they count only when quoted lines follow. */
    private static final Pattern ATTRIBUTION_ENDING = Pattern.compile(
            "(wrote|schrieb|a écrit|ha scritto|έγραψε|escribió|escreveu|schreef|написала?|написал\\(а\\)|пишет|skrev"
                    + "|kirjoitti|napisał\\(a\\)|đã viết|نوشت) ?:$", FLAGS);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^-{3,} ?(Original Message|Ursprüngliche Nachricht|Messaggio originale|Message d'origine|Mensaje original"
                    + "|Mensagem original|Oorspronkelijk bericht|Αρχικό μήνυμα|Исходное сообщение"
                    + "|Ursprungligt meddelande|Alkuperäinen viesti|Wiadomość oryginalna|Thư gốc|پیام اصلی) ?-{3,}$",
            FLAGS);
    private static final Pattern HEADER_FROM = Pattern.compile(
            "^\\*?(From|Von|Da|De|Από|Od|Van|От|Från|Fra|Từ|از|Lähettäjä) ?:\\*? *\\S.*", FLAGS);
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "^\\*?(Sent|Date|To|Cc|Subject|Gesendet|Datum|An|Betreff|Inviato|Data|A|Oggetto|Envoyé|À|Objet"
                    + "|Στάλθηκε|Ημερομηνία|Προς|Κοιν|Θέμα|Enviado|Para|Asunto|Assunto|Verzonden|Aan|Onderwerp"
                    + "|Отправлено|Дата|Кому|Тема|Skickat|Till|Ämne|Sendt|Til|Emne|Đã gửi|Ngày|Đến|Chủ đề"
                    + "|تاریخ|ارسال|به|موضوع) ?:\\*?( |$).*", FLAGS);
    private static final Pattern QUOTED = Pattern.compile("^ {0,3}>.*");
    private static final Pattern SEPARATOR = Pattern.compile("^[_=-]{5,}$");
    /** Marks of writing direction that Persian and Arabic clients put around attribution lines. */
    private static final Pattern DIRECTION_MARKS = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private QuotedHistory() {
    }

    /** The text without the history it quotes; may be empty when the mail is nothing but history. */
    static String strip(String text) {
        List<String> lines = List.of(PlainText.lineEndsNormalized(text).split("\n", -1));
        int historyStart = -1;
        for (int i = 0; i < lines.size() && historyStart < 0; i++) {
            int attribution = attributionLength(lines, i);
            if (attribution > 0 && interleaved(lines, i + attribution)) {
                lines = withoutLines(lines, i, attribution); // keep the answers, lose the attribution
                i--;
            } else if (attribution > 0 || isOriginalMessage(lines.get(i)) || isHeaderBlock(lines, i)) {
                historyStart = i;
            }
        }
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, historyStart < 0 ? lines.size() : historyStart)) {
            if (!QUOTED.matcher(line).matches()) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && (kept.getLast().isBlank() || SEPARATOR.matcher(kept.getLast().trim()).matches())) {
            kept.removeLast(); // the blank lines and the ____ rule that Outlook puts above the old mail
        }
        return PlainText.tidy(String.join("\n", kept));
    }

    /** How many lines (1 to 3) starting at {@code start} form an attribution, 0 if they do not. */
    private static int attributionLength(List<String> lines, int start) {
        StringBuilder joined = new StringBuilder();
        for (int length = 1; length <= 3 && start + length <= lines.size(); length++) {
            String line = clean(lines.get(start + length - 1));
            if (line.isEmpty() || QUOTED.matcher(line).matches()) {
                return 0;
            }
            joined.append(length > 1 ? " " : "").append(line);
            String candidate = joined.toString();
            if (ATTRIBUTIONS.stream().anyMatch(pattern -> pattern.matcher(candidate).matches())) {
                return length;
            }
            if (ATTRIBUTION_ENDING.matcher(candidate).find() && nextContentIsQuoted(lines, start + length)) {
                return length;
            }
        }
        return 0;
    }

    /** True when unquoted text follows the quoted lines after an attribution: the author answered in between. */
    private static boolean interleaved(List<String> lines, int from) {
        boolean quoteSeen = false;
        for (String line : lines.subList(from, lines.size())) {
            if (QUOTED.matcher(line).matches()) {
                quoteSeen = true;
            } else if (quoteSeen && !line.isBlank() && !isSignatureOrHistoryMark(lines, line)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSignatureOrHistoryMark(List<String> lines, String line) {
        return Signatures.isDelimiter(line) || isOriginalMessage(line) || HEADER_FROM.matcher(clean(line)).matches();
    }

    private static boolean nextContentIsQuoted(List<String> lines, int from) {
        for (String line : lines.subList(from, lines.size())) {
            if (!line.isBlank()) {
                return QUOTED.matcher(line).matches();
            }
        }
        return false;
    }

    private static boolean isOriginalMessage(String line) {
        return ORIGINAL_MESSAGE.matcher(clean(line)).matches();
    }

    /** "From: …" followed within the next lines by at least two more mail header lines (Sent, To, Subject …). */
    private static boolean isHeaderBlock(List<String> lines, int start) {
        if (!HEADER_FROM.matcher(clean(lines.get(start))).matches()) {
            return false;
        }
        int headers = 0;
        for (String line : lines.subList(start + 1, Math.min(lines.size(), start + 7))) {
            if (HEADER_OTHER.matcher(clean(line)).matches()) {
                headers++;
            }
        }
        return headers >= 2;
    }

    private static List<String> withoutLines(List<String> lines, int from, int count) {
        List<String> rest = new ArrayList<>(lines.subList(0, from));
        rest.addAll(lines.subList(from + count, lines.size()));
        return rest;
    }

    private static String clean(String line) {
        return DIRECTION_MARKS.matcher(line).replaceAll("").trim();
    }
}
