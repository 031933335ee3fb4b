package io.caseswarm.experts.eval;

/** A dataset line that is not a valid event or query; the message names the line so it can be fixed. */
public final class MalformedDatasetException extends RuntimeException {

    private final int line;

    public MalformedDatasetException(int line, String reason) {
        this(line, reason, null);
    }

    public MalformedDatasetException(int line, String reason, Throwable cause) {
        super("line " + line + ": " + reason, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
