package io.caseswarm.cases.mail;

/**
 * A file that came with a mail: an attachment, an inline image or a forwarded message, never a text body.
 *
 * @param fileName decoded (RFC 2047 and RFC 2231), without any folder; made up from the type when the mail names none
 * @param contentType lower case, without parameters
 * @param bytes the content with its transfer encoding undone
 * @param inline true when the mail shows it in the text (Content-Disposition inline, or a Content-ID without any
 *        disposition) rather than offering it as a download
 * @param contentId the Content-ID without angle brackets, which HTML refers to as {@code cid:...}; null when absent
 */
public record MailPart(String fileName, String contentType, byte[] bytes, boolean inline, String contentId) {
}
