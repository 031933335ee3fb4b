package io.caseswarm.notifications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a mail goes in its case's thread, and where answers to it go.
 *
 * @param replyTo the address answers go to; null to let them go to the From address
 * @param thread  the Message-IDs of the case's mails so far, without angle brackets, oldest first
 */
public record MailThreading(String replyTo, List<String> thread) {

    /** RFC 5322 §3.6.4 lets References be trimmed; the first mail and the latest ones tie a thread together. */
    static final int LATEST_REFERENCES = 9;

    public static final MailThreading NOT_ABOUT_A_CASE = new MailThreading(null, List.of());

    public MailThreading {
        thread = List.copyOf(thread);
    }

    /** The mail this one answers: the latest of the thread, whoever wrote it. */
    public Optional<String> inReplyTo() {
        return thread.isEmpty() ? Optional.empty() : Optional.of(thread.getLast());
    }

    /** The thread's first mail, then up to {@value #LATEST_REFERENCES} of the latest others, oldest first. */
    public List<String> references() {
        if (thread.isEmpty()) {
            return List.of();
        }
        List<String> references = new ArrayList<>();
        references.add(thread.getFirst());
        references.addAll(thread.subList(Math.max(1, thread.size() - LATEST_REFERENCES), thread.size()));
        return references;
    }
}
