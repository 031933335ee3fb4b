package io.caseswarm.cases.attachment;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What a case takes in files ({@code caseswarm.attachments.*}): how large one may be, how many a case
 * holds, and which content types, as detected from the bytes. An allowed type ending in {@code .*}
 * allows every type that starts with what comes before it.
 */
@ConfigMapping(prefix = "caseswarm.attachments")
public interface AttachmentLimits {

    /** Room for what an upload carries besides its files: the message's body and the parts' headers. */
    long FORM_OVERHEAD_BYTES = 1024 * 1024;

    @WithDefault("10M")
    MemorySize maxFileSize();

    @WithDefault("20")
    @Positive
    int maxFilesPerCase();

    @WithDefault("application/pdf,image/png,image/jpeg,image/gif,text/plain,text/csv,application/zip,"
            + "application/vnd.openxmlformats-officedocument.*,message/rfc822")
    @NotEmpty
    List<String> allowedTypes();

    default long maxFileBytes() {
        return maxFileSize().asLongValue();
    }

    /** The most one upload can carry: every file a case may hold, each as large as allowed. */
    default long maxUploadBytes() {
        return maxFilesPerCase() * maxFileBytes() + FORM_OVERHEAD_BYTES;
    }

    default boolean allows(String contentType) {
        return allowedTypes().stream().anyMatch(allowed -> allowed.endsWith(".*")
                ? contentType.startsWith(allowed.substring(0, allowed.length() - 1))
                : allowed.equals(contentType));
    }
}
