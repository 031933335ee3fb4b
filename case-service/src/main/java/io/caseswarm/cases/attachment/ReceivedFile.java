package io.caseswarm.cases.attachment;

import java.nio.file.Path;

/**
 * A file as an upload brought it, before anybody looked inside: the form part it came in (for refusals to
 * name), the name and type the client gave it, where its bytes were spooled, and their size and SHA-256
 * (hex), taken while they arrived.
 */
public record ReceivedFile(String part, String clientName, String declaredType, Path content, long size,
        String sha256) {
}
