package io.caseswarm.cases.mail;

/**
 * One mailbox of a mail header.
 *
 * @param address lower-cased and trimmed, so the same customer is recognised however their client spells it
 * @param name the display name, RFC 2047 decoded, or null when the header carries none
 */
public record MailAddress(String address, String name) {
}
