package io.caseswarm.cases.attachment;

import java.nio.file.Path;

import io.caseswarm.cases.domain.CaseEvent.AttachmentRef;

/** A file that passed inspection: its description for the event, and its bytes for the {@link AttachmentStore}. */
public record NewAttachment(AttachmentRef ref, Path content) {
}
