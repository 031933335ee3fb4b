package io.caseswarm.cases.mail;

import java.util.Map;

/** Names for the files of a mail: cleaned when the mail names them, made up from the type when it does not. */
final class FileNames {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", "pdf"), Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/jpg", "jpg"), Map.entry("image/gif", "gif"), Map.entry("image/webp", "webp"),
            Map.entry("image/svg+xml", "svg"), Map.entry("image/bmp", "bmp"), Map.entry("image/tiff", "tif"),
            Map.entry("image/heic", "heic"), Map.entry("text/plain", "txt"), Map.entry("text/html", "html"),
            Map.entry("text/csv", "csv"), Map.entry("text/calendar", "ics"), Map.entry("message/rfc822", "eml"),
            Map.entry("application/zip", "zip"), Map.entry("application/json", "json"),
            Map.entry("application/xml", "xml"), Map.entry("text/xml", "xml"),
            Map.entry("application/msword", "doc"), Map.entry("application/vnd.ms-excel", "xls"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"));

    private FileNames() {
    }

    /** The last segment of a name some clients send with a folder ("C:\fakepath\x.pdf"), or null when blank. */
    static String cleaned(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        return last.isEmpty() || last.equals(".") || last.equals("..") ? null : last;
    }

    /** "image-1.png", "attachment-2.pdf": numbered by the file's place among the mail's files. */
    static String madeUp(String contentType, int number) {
        String stem = contentType.startsWith("image/") ? "image" : "attachment";
        return stem + "-" + number + "." + EXTENSIONS.getOrDefault(contentType, "bin");
    }

    /** A forwarded mail's file: its subject with the characters file systems refuse replaced. */
    static String ofForwardedMail(String subject, int number) {
        String name = subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.isEmpty() ? "forwarded-message-" + number + ".eml" : name + ".eml";
    }
}
