package io.caseswarm.cases.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

import io.caseswarm.platform.retry.TransientFailures;

/**
 * Reads one support mailbox over IMAP for as long as the service runs: takes in every unseen mail, and
 * only after intake has committed its effect flags it as seen (or moves it to the done folder). A crash
 * in between leaves the mail unseen, so it is read again, and intake knows it by its Message-ID.
 *
 * <p>Between rounds it waits in IDLE where the server offers it (new mail wakes it at once), and polls
 * otherwise. A lost connection or a failing intake (the database away) is retried with a growing pause;
 * the mail stays where it is meanwhile.
 */
final class ImapMailboxReader implements Runnable {

    private static final Logger LOG = Logger.getLogger(ImapMailboxReader.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    /** Mails flagged with one command once all of them are committed. */
    private static final int CHUNK = 25;
    private static final Duration SOON_AFTER_MAIL = Duration.ofSeconds(1);

    private final Mailbox mailbox;
    private final MailSettings.ImapSettings imap;
    private final MailIntake intake;
    private final ScheduledExecutorService waker;
    private volatile boolean running = true;
    private volatile IMAPStore store;

    ImapMailboxReader(Mailbox mailbox, MailSettings.ImapSettings imap, MailIntake intake) {
        this.mailbox = mailbox;
        this.imap = imap;
        this.intake = intake;
        this.waker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imap-waker-" + mailbox.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try {
                readUntilStopped();
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Mailbox %s (%s@%s:%d): %s; trying again in %s s", mailbox.name(), imap.user(), imap.host(),
                        imap.port(), TransientFailures.describe(e), pause.toSeconds());
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                closeQuietly();
            }
        }
    }

    void stop() {
        running = false;
        waker.shutdownNow();
        closeQuietly();
    }

    private void readUntilStopped() throws MessagingException {
        store = (IMAPStore) Session.getInstance(sessionProperties()).getStore(protocol());
        store.connect(imap.host(), imap.port(), imap.user(), imap.password());
        IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
        folder.open(Folder.READ_WRITE);
        Folder done = imap.doneFolder().map(this::doneFolder).orElse(null);
        boolean idles = store.hasCapability("IDLE");
        LOG.infof("Reading mailbox %s (%s) at %s:%d, folder %s, %s", mailbox.name(), mailbox.address(), imap.host(),
                imap.port(), imap.folder(), idles ? "waiting in IDLE" : "polling every " + imap.pollInterval());
        boolean tookMail = false;
        while (running) {
            if (takeUnseen(folder, done) > 0) {
                // Mail that arrived while these were taken in may have been announced before an IDLE would
                // start, and would wait for its next wake: look again at once.
                tookMail = true;
                continue;
            }
            // Right after mail, the next look comes soon: a mail that arrived between the last search and
            // the IDLE is not always announced in it (seen with GreenMail), and mail comes in bunches.
            Duration wait = tookMail ? SOON_AFTER_MAIL : imap.pollInterval();
            tookMail = false;
            if (idles) {
                idle(folder, wait);
            } else {
                sleep(wait);
                folder.getMessageCount(); // a command, so a dead connection is noticed here
            }
        }
    }

    /**
     * Takes in every unseen mail, in chunks: each chunk's mails are flagged (or moved) together once all of
     * them are committed, one command for the chunk rather than one a mail. A failure part way through a
     * chunk leaves its committed mails unseen too; read again, they are known and change nothing.
     */
    private int takeUnseen(IMAPFolder folder, Folder done) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int from = 0; from < unseen.length && running; from += CHUNK) {
            Message[] chunk = Arrays.copyOfRange(unseen, from, Math.min(unseen.length, from + CHUNK));
            for (Message message : chunk) {
                IntakeResult result = take(bytesOf(message));
                LOG.debugf("Mailbox %s, message %d: %s", mailbox.name(), message.getMessageNumber(), result.outcome());
            }
            markTaken(folder, chunk, done);
        }
        return unseen.length;
    }

    private void markTaken(IMAPFolder folder, Message[] taken, Folder done) throws MessagingException {
        if (done == null) {
            folder.setFlags(taken, new Flags(Flags.Flag.SEEN), true);
            return;
        }
        folder.copyMessages(taken, done);
        folder.setFlags(taken, new Flags(Flags.Flag.DELETED), true);
        folder.expunge();
    }

    /**
     * Takes the mail in. An outage (the database away) is thrown: the mail stays unseen and is read again
     * after the pause. Any other failure is the mail's own and would recur on every try, blocking every
     * mail behind it: the mail is held for an admin instead.
     */
    private IntakeResult take(byte[] raw) {
        try {
            return intake.accept(raw, mailbox);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            LOG.errorf(e, "Mailbox %s: intake failed on a mail; holding it for an admin", mailbox.name());
            return intake.holdFailed(raw, mailbox, TransientFailures.describe(e));
        }
    }

    /**
     * Waits for the server to announce new mail, but no longer than {@code longest}: a command from the
     * waker ends the IDLE, so a connection that died silently is noticed and mail is looked for anyway.
     */
    private void idle(IMAPFolder folder, Duration longest) throws MessagingException {
        ScheduledFuture<?> wake = waker.schedule(() -> {
            try {
                folder.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                // the reading thread meets the same failure and reconnects
            }
        }, longest.toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    private Folder doneFolder(String name) {
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
                throw new IllegalStateException("Could not create the done folder " + name + " of mailbox " + mailbox.name());
            }
            return folder;
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not open the done folder " + name + " of mailbox " + mailbox.name(), e);
        }
    }

    /** The whole message as it is stored, fetched without flagging it as seen ({@code mail.imap.peek}). */
    private static byte[] bytesOf(Message message) throws MessagingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new MessagingException("Could not fetch message " + message.getMessageNumber(), e);
        }
        return bytes.toByteArray();
    }

    private String protocol() {
        return "ssl".equals(tls()) ? "imaps" : "imap";
    }

    private Properties sessionProperties() {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        // Fetching a message must not mark it seen: only a committed intake does.
        properties.put(prefix + "peek", "true");
        properties.put(prefix + "connectiontimeout", "10000");
        // Longer than an IDLE lasts, so a quiet mailbox is not taken for a dead connection.
        properties.put(prefix + "timeout", String.valueOf(imap.pollInterval().plusSeconds(60).toMillis()));
        properties.put(prefix + "writetimeout", "30000");
        if ("starttls".equals(tls())) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (!"none".equals(tls())) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private String tls() {
        return imap.tls().strip().toLowerCase(java.util.Locale.ROOT);
    }

    private void closeQuietly() {
        IMAPStore current = store;
        if (current != null) {
            try {
                current.close();
            } catch (MessagingException e) {
                // closing a connection that failed: nothing more to do
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
