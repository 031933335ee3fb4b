package io.caseswarm.cases.mail;

/** What sort of mail arrived, which decides whether it may open a case or be answered at all. */
public enum MailKind {
    /** Written by a person: may open a case or add to one. */
    ORDINARY,
    /** Out-of-office and other automatic answers (RFC 3834): recorded, never answered, or two robots talk forever. */
    AUTO_REPLY,
    /** Mailing lists and newsletters: recorded, no case. */
    BULK,
    /** A delivery failure report about a mail we sent. */
    BOUNCE
}
