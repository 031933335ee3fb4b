package io.caseswarm.cases.attachment;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of the files on cases are kept. Events and views carry only their description
 * ({@link io.caseswarm.cases.domain.CaseEvent.AttachmentRef}); this is all that touches the bytes, so that
 * another store (an object store) can take the place of {@link PostgresAttachmentStore}.
 */
public interface AttachmentStore {

    /**
     * Keeps the bytes of {@code content}, a file the upload was spooled to, under {@code attachmentId}. Called
     * in the transaction that records the message carrying the file: a store that takes part in it keeps
     * nothing when the message is refused.
     */
    void put(UUID attachmentId, Path content);

    /** The bytes kept under {@code attachmentId}, read as the caller consumes them; empty if there are none. */
    Optional<InputStream> open(UUID attachmentId);
}
