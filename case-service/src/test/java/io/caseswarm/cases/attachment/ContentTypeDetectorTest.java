package io.caseswarm.cases.attachment;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's type comes from its bytes; the name and the client's word only tell CSV from other text. */
class ContentTypeDetectorTest {

    @TempDir
    Path folder;

    @Test
    void signaturesNameTheTypeWhateverTheFileIsCalled() throws Exception {
        assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(UTF_8), "photo.png")).isEqualTo("application/pdf");
        assertThat(detect(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), "a.pdf")).isEqualTo("image/png");
        assertThat(detect(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'), "a.txt")).isEqualTo("image/jpeg");
        assertThat(detect("GIF89a\u0001\u0000".getBytes(UTF_8), "a")).isEqualTo("image/gif");
        assertThat(detect(bytes('M', 'Z', 0x90, 0, 3, 0), "invoice.pdf")).isEqualTo(ContentTypeDetector.UNKNOWN);
        assertThat(detect(bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0), "notes.txt")).isEqualTo(ContentTypeDetector.UNKNOWN);
    }

    @Test
    void zipContainersAreToldApartByTheirEntries() throws Exception {
        assertThat(detect(zip("[Content_Types].xml", "word/document.xml"), "a.zip"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(zip("[Content_Types].xml", "xl/workbook.xml"), "a.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(detect(zip("logs/app.log", "word/readme.txt"), "a.docx")).isEqualTo("application/zip");
        assertThat(detect("PK\u0003\u0004 but no archive".getBytes(UTF_8), "a.zip")).isEqualTo(ContentTypeDetector.UNKNOWN);
    }

    @Test
    void textIsUtf8WithoutBinaryBytesAndMarkupIsNotPlainText() throws Exception {
        assertThat(detect("Xin chào, hóa đơn\r\n\tΚαλημέρα\n".getBytes(UTF_8), "notes")).isEqualTo("text/plain");
        assertThat(detect("a;b\n1;2\n".getBytes(UTF_8), "export.CSV")).isEqualTo("text/csv");
        assertThat(detect("a;b\n1;2\n".getBytes(UTF_8), "export.pdf")).isEqualTo("text/plain");
        assertThat(detect("hello".getBytes(UTF_16), "utf16.txt")).isEqualTo(ContentTypeDetector.UNKNOWN);
        assertThat(detect(bytes('h', 'i', 0xc3, 0x28), "latin.txt")).isEqualTo(ContentTypeDetector.UNKNOWN);
        assertThat(detect("text\u0000with a NUL".getBytes(UTF_8), "a.txt")).isEqualTo(ContentTypeDetector.UNKNOWN);
        assertThat(detect("\uFEFF  <!doctype HTML><p>hi".getBytes(UTF_8), "a.txt")).isEqualTo("text/html");
        assertThat(detect("<script>alert(1)</script>".getBytes(UTF_8), "a.txt")).isEqualTo("text/html");
        assertThat(detect("<svg onload=alert(1)>".getBytes(UTF_8), "a.txt")).isEqualTo("application/xml");
        assertThat(detect("<3 this product".getBytes(UTF_8), "a.txt")).isEqualTo("text/plain");
    }

    @Test
    void textThatOpensWithMailHeadersIsAMail() throws Exception {
        String mail = "Received: from mx.example.com\r\n\tby mail.example.org\r\nFrom: Ada <ada@example.com>\r\n"
                + "Subject: Invoice\r\n\r\nHello\r\n";
        assertThat(detect(mail.getBytes(UTF_8), "forwarded.eml")).isEqualTo("message/rfc822");
        assertThat(detect("From: somebody\r\n\r\nno other header".getBytes(UTF_8), "a.eml")).isEqualTo("text/plain");
        assertThat(detect("Note: call back\r\nFrom: Ada\r\nDate: today, roughly\r\nthen free text\r\n\r\n".getBytes(UTF_8),
                "a.txt")).isEqualTo("text/plain");
    }

    private String detect(byte[] content, String name) throws Exception {
        Path file = Files.write(folder.resolve("upload-" + System.nanoTime()), content);
        return ContentTypeDetector.detect(file, "application/octet-stream", name);
    }

    private static byte[] zip(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
