package io.caseswarm.cases.inbound;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;

/**
 * Whom a raw mail was delivered to, read from its header alone: the envelope recipient that delivery
 * agents record ({@code Delivered-To}, {@code X-Original-To}) first, then {@code To} and {@code Cc}. A
 * gateway that pushes a mail without naming the mailbox is understood by these.
 */
final class Recipients {

    private static final String[] HEADERS = { "Delivered-To", "X-Original-To", "To", "Cc" };

    private Recipients() {
    }

    static List<String> of(byte[] raw) {
        List<String> addresses = new ArrayList<>();
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            for (String name : HEADERS) {
                String[] values = headers.getHeader(name);
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    addresses.addAll(addressesIn(value));
                }
            }
        } catch (MessagingException e) {
            // no readable header: no recipients; intake holds the mail as unreadable
        }
        return addresses;
    }

    private static List<String> addressesIn(String header) {
        try {
            List<String> found = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.getAddress() != null) {
                    found.add(address.getAddress().strip().toLowerCase(Locale.ROOT));
                }
            }
            return found;
        } catch (AddressException e) {
            return List.of();
        }
    }
}
