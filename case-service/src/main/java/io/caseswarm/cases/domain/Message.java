package io.caseswarm.cases.domain;

import java.util.List;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;

/**
 * The command to write on a case: who writes (their id and the role they write in), to whom, and what;
 * {@code email} is the mail it came in, if it did.
 */
public record Message(UUID messageId, String authorId, AuthorRole authorRole, Visibility visibility, String body,
        List<AttachmentRef> attachments, MailOrigin email) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Message(UUID messageId, String authorId, AuthorRole authorRole, Visibility visibility, String body,
            List<AttachmentRef> attachments) {
        this(messageId, authorId, authorRole, visibility, body, attachments, null);
    }

    public boolean fromCustomer() {
        return authorRole == AuthorRole.CUSTOMER;
    }
}
