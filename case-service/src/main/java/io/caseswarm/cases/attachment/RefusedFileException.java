package io.caseswarm.cases.attachment;

import io.caseswarm.platform.rest.Problem;

/** A file a case does not take: larger than allowed (413) or of a type not allowed (415). The problem names its part. */
public class RefusedFileException extends RuntimeException {

    private final int status;
    private final transient Problem.FieldError part;

    private RefusedFileException(int status, String part, String reason) {
        super(part + ": " + reason);
        this.status = status;
        this.part = new Problem.FieldError(part, reason);
    }

    public static RefusedFileException tooLarge(String part, String name, long maxBytes) {
        return new RefusedFileException(413, part, "\"" + name + "\" is larger than the " + maxBytes
                + " bytes a file may have");
    }

    public static RefusedFileException typeNotAllowed(String part, String name, String detectedType,
            Iterable<String> allowedTypes) {
        return new RefusedFileException(415, part, "\"" + name + "\" is " + detectedType
                + " by its content, which a case does not take; it takes " + String.join(", ", allowedTypes));
    }

    public int status() {
        return status;
    }

    public Problem.FieldError part() {
        return part;
    }
}
