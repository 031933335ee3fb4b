package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;

import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.Sha256;
import io.caseswarm.cases.attachment.ReceivedFile;
import io.caseswarm.cases.attachment.RefusedFileException;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.JsonEnums;

/**
 * The multipart/form-data body of {@code POST /cases/{id}/attachments}, read as it arrives: one or more
 * {@code file} parts, {@code visibility} and an optional {@code body}. Each file is spooled to a temporary
 * file, measured and digested on the way; a part over its limit stops the reading there, so an upload never
 * holds more than the limits allow. Closing the form deletes the spooled files.
 */
final class AttachmentForm implements AutoCloseable {

    private static final String FILE = "file";
    private static final String VISIBILITY = "visibility";
    private static final String BODY = "body";
    private static final int MAX_BODY_CHARS = 20_000;
    /** UTF-8 takes at most four bytes for a character. */
    private static final int MAX_FIELD_BYTES = MAX_BODY_CHARS * 4;
    private static final String TOO_LONG = "must be at most " + MAX_BODY_CHARS + " characters";
    /** RFC 2046: a boundary is 1 to 70 characters, quoted if need be. */
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");

    private final AttachmentLimits limits;
    private final List<ReceivedFile> files = new ArrayList<>();
    private int fileParts;
    private String visibility;
    private String body;

    private AttachmentForm(AttachmentLimits limits) {
        this.limits = limits;
    }

    /** Reads the whole form, or refuses it at the first part over a limit; the caller closes what it answers. */
    static AttachmentForm read(String contentType, InputStream in, AttachmentLimits limits) {
        MultipartReader reader = new MultipartReader(in, boundaryOf(contentType));
        AttachmentForm form = new AttachmentForm(limits);
        try {
            for (MultipartReader.Part part; (part = reader.next()) != null;) {
                form.take(part);
            }
            return form;
        } catch (MultipartReader.MalformedException e) {
            form.close();
            throw new BadRequestException("The multipart/form-data body cannot be read: " + e.getMessage());
        } catch (IOException e) {
            form.close();
            throw new BadRequestException("The upload broke off: " + e.getMessage());
        } catch (RuntimeException e) {
            form.close();
            throw e;
        }
    }

    private static String boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new NotSupportedException("Files are uploaded as multipart/form-data");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new BadRequestException("The multipart/form-data body names no boundary of 1 to 70 characters");
        }
        return boundary.group(1) != null ? boundary.group(1) : boundary.group(2);
    }

    private void take(MultipartReader.Part part) throws IOException {
        ContentDisposition disposition = ContentDisposition.parse(part.header("content-disposition"));
        String name = disposition.name() == null ? "" : disposition.name();
        if (disposition.isFile() && FILE.equals(name)) {
            takeFile(part, disposition.fileName());
        } else if (disposition.isFile() || !(VISIBILITY.equals(name) || BODY.equals(name))) {
            throw new InvalidFieldException(name, FILE.equals(name) ? "a file part needs a filename"
                    : "unknown part; files come as \"file\", with \"visibility\" and \"body\"");
        } else if (VISIBILITY.equals(name)) {
            visibility = once(VISIBILITY, visibility, field(part));
        } else {
            body = once(BODY, body, field(part));
        }
    }

    private void takeFile(MultipartReader.Part part, String fileName) throws IOException {
        String partName = FILE + "[" + fileParts++ + "]";
        if (fileParts > limits.maxFilesPerCase()) {
            throw new CommandRejectedException("A case holds at most " + limits.maxFilesPerCase()
                    + " files; this upload carries more");
        }
        ReceivedFile file = spool(part, partName, fileName);
        // A browser sends a file input left empty as a nameless, empty file.
        if (fileName.isEmpty() && file.size() == 0) {
            Files.delete(file.content());
        } else {
            files.add(file);
        }
    }

    private ReceivedFile spool(MultipartReader.Part part, String partName, String fileName) throws IOException {
        Path spooled = Files.createTempFile("caseswarm-upload-", ".part");
        try (OutputStream out = Files.newOutputStream(spooled)) {
            MessageDigest sha256 = Sha256.digest();
            byte[] chunk = new byte[16 * 1024];
            long size = 0;
            for (int read; (read = part.content().read(chunk)) >= 0;) {
                size += read;
                if (size > limits.maxFileBytes()) {
                    throw RefusedFileException.tooLarge(partName, fileName, limits.maxFileBytes());
                }
                sha256.update(chunk, 0, read);
                out.write(chunk, 0, read);
            }
            return new ReceivedFile(partName, fileName, part.header("content-type"), spooled, size,
                    HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    private static String field(MultipartReader.Part part) throws IOException {
        byte[] value = part.content().readNBytes(MAX_FIELD_BYTES + 1);
        if (value.length > MAX_FIELD_BYTES) {
            throw new InvalidFieldException(ContentDisposition.parse(part.header("content-disposition")).name(), TOO_LONG);
        }
        return new String(value, UTF_8);
    }

    private static String once(String name, String earlier, String value) {
        if (earlier != null) {
            throw new InvalidFieldException(name, "given more than once");
        }
        return value;
    }

    List<ReceivedFile> files() {
        if (files.isEmpty()) {
            throw new InvalidFieldException(FILE, "at least one file is needed");
        }
        return List.copyOf(files);
    }

    Visibility visibility() {
        if (visibility == null) {
            throw new InvalidFieldException(VISIBILITY, "must not be null");
        }
        return JsonEnums.parse(Visibility.class, visibility.strip()).orElseThrow(() -> new InvalidFieldException(
                VISIBILITY, "must be one of " + JsonEnums.names(Visibility.class)));
    }

    /** The message's text as written, or null for none: a blank one is none. */
    String body() {
        if (body == null || body.isBlank()) {
            return null;
        }
        String text = body.strip();
        if (text.length() > MAX_BODY_CHARS) {
            throw new InvalidFieldException(BODY, TOO_LONG);
        }
        return text;
    }

    @Override
    public void close() {
        for (ReceivedFile file : files) {
            try {
                Files.deleteIfExists(file.content());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the spooled upload " + file.content(), e);
            }
        }
    }
}
