package io.caseswarm.cases.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.arc.DefaultBean;

/**
 * Keeps the bytes in this service's own database (table {@code case_attachment}), in the transaction that
 * appends the event: a refused or failed command leaves no bytes, and a listed file always has them.
 * Bytes go in streamed from the spooled upload and come out in slices, so neither way holds a whole file
 * in memory. A default bean: any other {@link AttachmentStore} bean takes its place.
 */
@ApplicationScoped
@DefaultBean
public class PostgresAttachmentStore implements AttachmentStore {

    private static final int SLICE_BYTES = 256 * 1024;

    private final DataSource dataSource;

    PostgresAttachmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(UUID attachmentId, Path content) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into case_attachment (attachment_id, content) values (?, ?)");
                InputStream bytes = Files.newInputStream(content)) {
            insert.setObject(1, attachmentId);
            insert.setBinaryStream(2, bytes, Files.size(content));
            insert.executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the upload of attachment " + attachmentId, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep attachment " + attachmentId, e);
        }
    }

    /** The first slice comes with the size, so that a file that cannot be read fails before its answer begins. */
    @Override
    public Optional<InputStream> open(UUID attachmentId) {
        return query("select octet_length(content), substring(content from 1 for ?) from case_attachment"
                + " where attachment_id = ?", statement -> {
                    statement.setInt(1, SLICE_BYTES);
                    statement.setObject(2, attachmentId);
                }, row -> new Slices(attachmentId, row.getLong(1), row.getBytes(2)));
    }

    private byte[] slice(UUID attachmentId, long from, int length) {
        return query("select substring(content from ? for ?) from case_attachment where attachment_id = ?",
                statement -> {
                    statement.setInt(1, Math.toIntExact(from + 1)); // SQL counts bytes from 1
                    statement.setInt(2, length);
                    statement.setObject(3, attachmentId);
                }, row -> row.getBytes(1))
                .orElseThrow(() -> new IllegalStateException("Attachment " + attachmentId + " went away while read"));
    }

    private <T> Optional<T> query(String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an attachment", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * The bytes, one slice per query. The column is stored uncompressed (V7), so PostgreSQL reads only the
     * slice asked for; files never change, so slices read at different moments belong together.
     */
    private final class Slices extends InputStream {

        private final UUID attachmentId;
        private final long size;
        private long position;
        private byte[] slice;
        private int inSlice;

        Slices(UUID attachmentId, long size, byte[] firstSlice) {
            this.attachmentId = attachmentId;
            this.size = size;
            this.slice = firstSlice;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (inSlice == slice.length) {
                if (position == size) {
                    return -1;
                }
                slice = slice(attachmentId, position, (int) Math.min(SLICE_BYTES, size - position));
                inSlice = 0;
                if (slice.length == 0) {
                    throw new IllegalStateException("Attachment " + attachmentId + " is shorter than " + size + " bytes");
                }
            }
            int count = Math.min(length, slice.length - inSlice);
            System.arraycopy(slice, inSlice, target, offset, count);
            inSlice += count;
            position += count;
            return count;
        }
    }
}
