package io.caseswarm.notifications.service;

/**
 * One plain-text mail, ready to hand to the SMTP server.
 *
 * @param messageId its Message-ID, without angle brackets
 * @param toName    the recipient's name, or null
 * @param autoReply written by the desk on its own in answer to the customer (see {@code Notice#isAutoReply})
 */
public record OutgoingMail(String messageId, String to, String toName, String subject, String text,
        MailThreading threading, boolean autoReply) {
}
