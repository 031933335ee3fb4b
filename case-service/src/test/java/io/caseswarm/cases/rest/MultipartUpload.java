package io.caseswarm.cases.rest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A multipart/form-data upload written byte by byte, so that a test says exactly what goes over the wire:
 * file names as browsers send them (raw UTF-8) or as RFC 7578 allows ({@code filename*}), any part name.
 */
final class MultipartUpload {

    private static final String BOUNDARY = "----caseswarm-test-7MA4YWxkTrZu0gW";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static MultipartUpload visibility(String visibility) {
        return new MultipartUpload().field("visibility", visibility);
    }

    MultipartUpload field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", null, value.getBytes(UTF_8));
    }

    /** A file part whose name is sent as browsers do: UTF-8 in the quoted {@code filename}. */
    MultipartUpload file(String fileName, String contentType, byte[] content) {
        return part("form-data; name=\"file\"; filename=\"" + fileName + "\"", contentType, content);
    }

    /** A file part whose name is sent percent-encoded in {@code filename*}. */
    MultipartUpload fileNamedInFilenameStar(String fileName, String contentType, byte[] content) {
        String encoded = URLEncoder.encode(fileName, UTF_8).replace("+", "%20");
        return part("form-data; name=\"file\"; filename*=UTF-8''" + encoded, contentType, content);
    }

    MultipartUpload part(String disposition, String contentType, byte[] content) {
        write("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n");
        if (contentType != null) {
            write("Content-Type: " + contentType + "\r\n");
        }
        write("\r\n");
        bytes.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream();
        closed.writeBytes(bytes.toByteArray());
        closed.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(UTF_8));
        return closed.toByteArray();
    }

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    Response postTo(RequestSpecification caller, String caseId) {
        return caller.contentType(contentType()).body(bytes()).post("/cases/" + caseId + "/attachments");
    }

    private void write(String text) {
        bytes.writeBytes(text.getBytes(UTF_8));
    }
}
