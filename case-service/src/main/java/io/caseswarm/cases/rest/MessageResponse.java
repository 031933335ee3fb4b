package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseMessage;

/**
 * A message of a case's conversation, as the API shows it: {@code caseId} and {@code caseNumber} say which
 * case it was written on, which is a duplicate's on a survivor's merged conversation.
 */
public record MessageResponse(UUID id, UUID caseId, String caseNumber, String authorId, AuthorRole authorRole,
        Visibility visibility, String body, List<AttachmentRef> attachments, Instant addedAt) {

    static MessageResponse of(CaseMessage message) {
        return new MessageResponse(message.messageId, message.caseId, message.caseNumber, message.authorId,
                message.authorRole, message.visibility, message.body, message.attachments, message.addedAt);
    }
}
