package io.caseswarm.cases.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;

/**
 * Looks inside a received file before a case takes it: its type from its bytes (refused unless allowed),
 * a safe name. What it answers is what the event will say about the file.
 */
@ApplicationScoped
public class AttachmentInspector {

    private final AttachmentLimits limits;

    AttachmentInspector(AttachmentLimits limits) {
        this.limits = limits;
    }

    public NewAttachment inspect(ReceivedFile file) {
        String name = FileNames.sanitised(file.clientName());
        try {
            String type = ContentTypeDetector.detect(file.content(), file.declaredType(), name);
            if (!limits.allows(type)) {
                throw RefusedFileException.typeNotAllowed(file.part(), name, type, limits.allowedTypes());
            }
            AttachmentRef ref = new AttachmentRef(UUID.randomUUID(), name, file.size(), type, file.sha256());
            return new NewAttachment(ref, file.content());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the spooled upload of " + file.part(), e);
        }
    }
}
