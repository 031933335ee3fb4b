package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;
import io.caseswarm.cases.domain.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One message of a case's conversation, projected from {@code case-message-added}. */
@Entity
@Table(name = "case_message")
public class CaseMessage extends PanacheEntityBase {

    @Id
    public UUID messageId;
    public UUID caseId;
    /** The number of the case it was written on: a survivor's conversation shows its duplicates' messages too. */
    public String caseNumber;
    /** The event's version in the case's stream. A conversation is ordered by {@link #addedAt}, then the id. */
    public long seq;
    public String authorId;
    @Enumerated(EnumType.STRING)
    public AuthorRole authorRole;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public String body;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AttachmentRef> attachments;
    public Instant addedAt;

    /** The message of the case that carries the attachment, if one does. */
    public static Optional<CaseMessage> carrying(UUID caseId, UUID attachmentId) {
        List<?> found = getEntityManager().createNativeQuery(
                "select * from case_message where case_id = :caseId and attachments @> cast(:attachment as jsonb)",
                CaseMessage.class)
                .setParameter("caseId", caseId)
                .setParameter("attachment", "[{\"attachmentId\": \"" + attachmentId + "\"}]")
                .getResultList();
        return found.stream().map(CaseMessage.class::cast).findFirst();
    }

    public Optional<AttachmentRef> attachment(UUID attachmentId) {
        return attachments.stream().filter(attachment -> attachment.attachmentId().equals(attachmentId)).findFirst();
    }
}
