package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small but valid files of the kinds customers send, made here so that the tests need no fixtures. */
final class SampleFiles {

    private SampleFiles() {
    }

    /** A one-page PDF whose cross-reference table points at its objects. */
    static byte[] pdf(String text) {
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
                "<< /Title (" + text + ") >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 4 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(ISO_8859_1);
    }

    /** A 1×1 PNG of one grey pixel: signature, IHDR, IDAT and IEND, each chunk with its CRC. */
    static byte[] png() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", deflated(new byte[] { 0, (byte) 0x80 })); // filter "none", one grey sample
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A Windows program: the MZ header and DOS stub every .exe starts with. */
    static byte[] executable() {
        ByteBuffer exe = ByteBuffer.allocate(128);
        exe.put(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0 });
        exe.position(78).put("This program cannot be run in DOS mode.".getBytes(ISO_8859_1));
        return exe.array();
    }

    static byte[] html() {
        return "<!DOCTYPE html>\n<html><body><script>fetch('/cases').then(r => r.text())</script></body></html>\n"
                .getBytes(UTF_8);
    }

    static byte[] text(String text) {
        return text.getBytes(UTF_8);
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(ISO_8859_1));
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(type.getBytes(ISO_8859_1));
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflated(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buffer = new byte[64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }
}
