package io.caseswarm.cases.mail;

/** The bytes cannot be understood as a mail from someone: no usable From address, no message, a broken structure. */
public class UnreadableMailException extends RuntimeException {

    public UnreadableMailException(String message) {
        super(message);
    }

    public UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
