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

    static long unseen(int imapPort) {
        return count(imapPort, false);
    }

    static long seen(int imapPort) {
        return count(imapPort, true);
    }

    private static long count(int imapPort, boolean seen) {
        Properties properties = new Properties();
        properties.put("mail.imap.peek", "true");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", imapPort, SupportMailbox.ADDRESS, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                return Arrays.stream(messages).filter(message -> isSeen(message) == seen).count();
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not look into the support mailbox", e);
        }
    }

    private static boolean isSeen(Message message) {
        try {
            return message.isSet(Flags.Flag.SEEN);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
