package io.caseswarm.knowledge.domain;

import java.util.List;
import java.util.UUID;

/** A resolved case, as far as capturing its fix needs it. */
public record ResolvedCase(UUID caseId, String number, String subject, String description, String product,
        String summary, List<String> helpedBy, String ownerId) {
}
