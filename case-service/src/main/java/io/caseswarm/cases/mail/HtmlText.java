package io.caseswarm.cases.mail;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML mail body as plain text a person can follow on a case: paragraphs and line breaks kept, table cells
 * side by side, list items as "- ", links as {@code text (url)}, and nothing of scripts, styles or the head.
 */
final class HtmlText {

    /**
     * Where mail clients put the quoted history and signature in HTML. They are cut out before the conversion,
     * because afterwards the quote is indistinguishable from the new text.
     */
    private static final String HISTORY = String.join(", ",
            "div.gmail_quote", "blockquote.gmail_quote", // Gmail
            "blockquote[type=cite]", "div.moz-cite-prefix", // Apple Mail, Thunderbird
            "div.yahoo_quoted", // Yahoo
            ".gmail_signature");
    /** Outlook (desktop and web) marks where the reply ends; everything from there on is the old mail. */
    private static final String OUTLOOK_HISTORY = "div#divRplyFwdMsg, div#appendonsend";

    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "blockquote", "pre", "hr");
    private static final Set<String> LINES = Set.of("div", "tr", "li", "section", "article", "header", "footer",
            "address", "dl", "dt", "dd", "center", "form", "fieldset", "main", "nav", "caption");

    private HtmlText() {
    }

    /** Everything the HTML shows. */
    static String readable(String html) {
        return render(Jsoup.parse(html));
    }

    /** Only what the author wrote this time: the client's quote and signature containers removed first. */
    static String withoutHistory(String html) {
        Document document = Jsoup.parse(html);
        for (Element quote : document.select(HISTORY)) {
            if (!quote.text().contains("Forwarded message")) { // Gmail also wraps an inline forward in gmail_quote
                quote.remove();
            }
        }
        Element outlookMark = document.selectFirst(OUTLOOK_HISTORY);
        if (outlookMark != null) {
            removeFromHereOn(outlookMark);
        }
        return render(document);
    }

    /** Removes an element and everything after it in document order. */
    private static void removeFromHereOn(Element mark) {
        for (Element level = mark; level != null && !level.tagName().equals("body"); level = level.parent()) {
            while (level.nextSibling() != null) {
                level.nextSibling().remove();
            }
        }
        mark.remove();
    }

    private static String render(Document document) {
        document.select("script, style, head, title, noscript, template, xml").remove();
        Renderer renderer = new Renderer();
        NodeTraversor.traverse(renderer, document.body() == null ? document : document.body());
        return PlainText.tidy(renderer.out.toString());
    }

    private static final class Renderer implements NodeVisitor {
        final StringBuilder out = new StringBuilder();
        int preformatted;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(preformatted > 0 ? text.getWholeText() : text.text());
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            switch (tag) {
                case "br" -> out.append('\n');
                case "li" -> {
                    newLine();
                    out.append("- ");
                }
                case "td", "th" -> {
                    if (element.elementSiblingIndex() > 0) {
                        out.append(" | ");
                    }
                }
                case "pre" -> {
                    blankLine();
                    preformatted++;
                }
                default -> {
                    if (PARAGRAPHS.contains(tag)) {
                        blankLine();
                    } else if (LINES.contains(tag)) {
                        newLine();
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (tag.equals("a")) {
                appendLinkTarget(element);
            } else if (tag.equals("pre")) {
                preformatted--;
                blankLine();
            } else if (PARAGRAPHS.contains(tag)) {
                blankLine();
            } else if (LINES.contains(tag)) {
                newLine();
            }
        }

        private void appendText(String text) {
            String piece = preformatted > 0 ? text : text.replace('\u00A0', ' ');
            if (preformatted == 0 && (atLineStart() || endsWithSpace()) && piece.startsWith(" ")) {
                piece = piece.stripLeading();
            }
            out.append(piece);
        }

        /** Keeps where a link leads unless its text already says so. */
        private void appendLinkTarget(Element link) {
            String href = link.attr("href").trim();
            String text = link.text().trim();
            String target = href.toLowerCase(Locale.ROOT).startsWith("mailto:") ? href.substring(7) : href;
            boolean web = href.matches("(?i)(https?|ftp)://.+");
            if (text.isEmpty() || !(web || href.regionMatches(true, 0, "mailto:", 0, 7))
                    || bare(text).equalsIgnoreCase(bare(target))) {
                return;
            }
            out.append(" (").append(target).append(')');
        }

        private static String bare(String url) {
            return url.replaceFirst("(?i)^(https?|ftp)://", "").replaceFirst("/$", "");
        }

        private boolean atLineStart() {
            return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
        }

        private boolean endsWithSpace() {
            return !out.isEmpty() && out.charAt(out.length() - 1) == ' ';
        }

        private void newLine() {
            while (endsWithSpace()) {
                out.setLength(out.length() - 1);
            }
            if (!atLineStart()) {
                out.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }
    }
}
