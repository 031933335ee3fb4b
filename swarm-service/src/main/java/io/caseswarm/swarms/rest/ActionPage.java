package io.caseswarm.swarms.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The small HTML pages a person sees after clicking a link in an invitation mail. Every value shown is
 * escaped; the pages load nothing, may post only back to this service, and are neither cached nor
 * referred on (the address holds the link's token).
 */
final class ActionPage {

    private static final String SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private ActionPage() {
    }

    /** The question before anything is done: a GET (a mail scanner fetching the link) changes nothing. */
    static Response confirm(String verb, String caseNumber, String question, String token) {
        String body = "<p>Case <strong>" + escape(caseNumber) + "</strong></p>"
                + "<blockquote>" + escape(question == null ? "(no question given)" : question) + "</blockquote>"
                + "<form method=\"post\" action=\"" + escape(token) + "\">"
                + "<button type=\"submit\">" + escape(capitalised(verb)) + " this swarm</button></form>"
                + "<p><small>The link works once.</small></p>";
        return page(Response.Status.OK, capitalised(verb) + " the swarm on " + caseNumber + "?", body);
    }

    static Response done(String pastTense, String caseNumber) {
        return page(Response.Status.OK, "You " + pastTense + " the swarm on " + caseNumber,
                "<p>Thank you. You can close this page.</p>");
    }

    static Response refused(Response.Status status, String title, String detail) {
        return page(status, title, "<p>" + escape(detail) + "</p>");
    }

    private static Response page(Response.Status status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + " - Caseswarm</title>"
                + "<style>body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}"
                + "button{font-size:1.1em;padding:.5em 1.5em}</style></head><body><h1>" + escape(title) + "</h1>"
                + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
