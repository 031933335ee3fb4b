package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Parts come out as they went in, however the body is cut into reads. */
class MultipartReaderTest {

    private static final String BOUNDARY = "b0und";

    @Test
    void partsAndTheirHeadersComeOutAsTheyWentInEvenOneByteAtATime() throws Exception {
        String almostADelimiter = "\r\n--b0un\r\n-b0und\r\n--b0unx";
        String body = "preamble to skip\r\n--b0und\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\npublic"
                + "\r\n--b0und  \r\ncontent-disposition: form-data; name=\"file\"; filename=\"Smith, John; v=2.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n" + almostADelimiter + "\r\n--b0und--\r\nepilogue";

        for (boolean oneByteAtATime : List.of(false, true)) {
            List<String> parts = parts(body, oneByteAtATime);
            assertThat(parts).containsExactly("form-data; name=\"visibility\"|null|public",
                    "form-data; name=\"file\"; filename=\"Smith, John; v=2.pdf\"|application/pdf|" + almostADelimiter);
        }
        assertThat(ContentDisposition.parse("form-data; name=\"file\"; filename=\"Smith, John; v=2.pdf\"").fileName())
                .isEqualTo("Smith, John; v=2.pdf");
        assertThat(ContentDisposition.parse("form-data; name=file; filename=\"x.pdf\"; filename*=UTF-8''%CE%A4%CE%B9%CE%BC%CE%AE.pdf")
                .fileName()).isEqualTo("Τιμή.pdf");
    }

    @Test
    void aBodyCutOffOrWithoutItsBoundaryIsMalformed() {
        String opened = "--b0und\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nhalf of it";
        assertThatThrownBy(() -> parts(opened, false)).isInstanceOf(MultipartReader.MalformedException.class);
        assertThatThrownBy(() -> parts("no delimiter at all", false)).isInstanceOf(MultipartReader.MalformedException.class);
        assertThatThrownBy(() -> parts("--b0und\r\nX: " + "y".repeat(20_000) + "\r\n\r\n", false))
                .isInstanceOf(MultipartReader.MalformedException.class).hasMessageContaining("headers");
    }

    private static List<String> parts(String body, boolean oneByteAtATime) throws IOException {
        InputStream in = new ByteArrayInputStream(body.getBytes(UTF_8));
        MultipartReader reader = new MultipartReader(oneByteAtATime ? new OneByteAtATime(in) : in, BOUNDARY);
        List<String> parts = new ArrayList<>();
        for (MultipartReader.Part part; (part = reader.next()) != null;) {
            parts.add(part.header("content-disposition") + "|" + part.header("content-type") + "|"
                    + new String(part.content().readAllBytes(), UTF_8));
        }
        return parts;
    }

    /** A network that delivers a byte per read. */
    private static final class OneByteAtATime extends InputStream {

        private final InputStream in;

        OneByteAtATime(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : in.read(b, off, 1);
        }
    }
}
