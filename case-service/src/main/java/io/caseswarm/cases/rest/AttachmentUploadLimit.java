package io.caseswarm.cases.rest;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.platform.rest.LargeBodyRoute;

/**
 * Uploads are the one route whose bodies are larger than small JSON documents: up to every file a case may
 * hold, each as large as allowed. Each file is measured while it arrives as well (AttachmentForm).
 */
@Singleton
class AttachmentUploadLimit {

    @Produces
    @Singleton
    LargeBodyRoute attachmentUploads(AttachmentLimits limits) {
        return LargeBodyRoute.of("POST", "/cases/[^/]+/attachments/?", limits.maxUploadBytes());
    }
}
