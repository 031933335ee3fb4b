package io.caseswarm.cases.rest;

import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Looks into the support mailbox as a person's mail client would: which mails are still unseen. */
final class MailboxFlags {

    private MailboxFlags() {
    }

    /** Mails in the support mailbox's inbox not yet flagged seen. */
    static long unseen(int imapPort) {
        return count(imapPort, SupportMailbox.ADDRESS, "INBOX", false);
    }

    /** Mails in a mailbox's folder, flagged {@code seen} or not. */
    static long count(int imapPort, String mailbox, String folder, boolean seen) {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imapPort, mailbox, "any");
            try {
                Folder opened = store.getFolder(folder);
                if (!opened.exists()) {
                    return 0;
                }
                opened.open(Folder.READ_ONLY);
                Message[] messages = opened.getMessages();
                return Arrays.stream(messages).filter(message -> isSeen(message) == seen).count();
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not look into the mailbox " + mailbox, e);
        }
    }

    /** All mails in a mailbox's folder. */
    static long all(int imapPort, String mailbox, String folder) {
        return count(imapPort, mailbox, folder, true) + count(imapPort, mailbox, folder, false);
    }

    private static boolean isSeen(Message message) {
        try {
            return message.isSet(Flags.Flag.SEEN);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
