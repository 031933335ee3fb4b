package io.caseswarm.cases.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.caseswarm.cases.attachment.AttachmentInspector;
import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.NewAttachment;
import io.caseswarm.cases.attachment.ReceivedFile;
import io.caseswarm.cases.attachment.RefusedFileException;
import io.caseswarm.cases.attachment.Sha256;
import io.caseswarm.cases.mail.MailPart;
import io.caseswarm.cases.mail.ParsedMail;

/**
 * The files a mail brings to its case: the original message first (so the mail as it arrived can always
 * be read again, headers and all), then its attachments and inline images. A file the desk does not take
 * (too large, a type not allowed, more than the case has room for) is left out and named in
 * {@link #leftOut()}, so the message says what the customer sent that is not there; the mail still lands.
 *
 * <p>Each file is spooled to a temporary file, as uploads are, and deleted on {@link #close()}.
 */
public final class MailFiles implements AutoCloseable {

    static final String ORIGINAL_NAME = "original.eml";

    private final List<NewAttachment> kept = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final List<Path> spooled = new ArrayList<>();

    private MailFiles() {
    }

    static MailFiles of(byte[] raw, ParsedMail mail, AttachmentInspector inspector, AttachmentLimits limits) {
        MailFiles files = new MailFiles();
        files.take(ORIGINAL_NAME, "message/rfc822", raw, inspector, limits);
        for (MailPart part : mail.parts()) {
            files.take(part.fileName(), part.contentType(), part.bytes(), inspector, limits);
        }
        return files;
    }

    /** At most {@code room} files, in order; the rest join {@link #leftOut()}. */
    public List<NewAttachment> keptWithin(int room) {
        return kept.subList(0, Math.min(room, kept.size()));
    }

    /** What is not kept, each with why: the files refused, then those beyond {@code room}. */
    public List<String> leftOut(int room) {
        List<String> all = new ArrayList<>(leftOut);
        kept.subList(Math.min(room, kept.size()), kept.size()).forEach(file -> all.add(
                file.ref().name() + " (the case holds as many files as it may)"));
        return all;
    }

    public boolean isEmpty() {
        return kept.isEmpty() && leftOut.isEmpty();
    }

    private void take(String name, String declaredType, byte[] bytes, AttachmentInspector inspector,
            AttachmentLimits limits) {
        if (bytes.length > limits.maxFileBytes()) {
            leftOut.add(name + " (" + megabytes(bytes.length) + ", larger than the " + megabytes(limits.maxFileBytes())
                    + " a file may be)");
            return;
        }
        try {
            Path file = Files.createTempFile("caseswarm-mail-", ".part");
            spooled.add(file);
            Files.write(file, bytes);
            kept.add(inspector.inspect(new ReceivedFile("mail", name, declaredType, file, bytes.length, Sha256.hex(bytes))));
        } catch (RefusedFileException e) {
            leftOut.add(name + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool " + name + " of a mail", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        for (Path file : spooled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is the OS's to clean; the mail is handled
            }
        }
    }
}
