package io.caseswarm.cases.domain;

/**
 * The mail a case or a message came in: its {@code Message-ID} (without angle brackets; null when the
 * mail had none) and the support address it was sent to. Whoever writes back about the case threads
 * the reply under that mail and asks for answers at that address.
 */
public record MailOrigin(String messageId, String mailbox) {
}
