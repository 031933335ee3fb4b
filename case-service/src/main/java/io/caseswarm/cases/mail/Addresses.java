package io.caseswarm.cases.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

/** Reads the mailboxes of address headers, tolerating what the strict RFC 5322 grammar would refuse. */
final class Addresses {

    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:\\[\\]]+@[^\\s<>\"(),;:\\[\\]]+");

    private Addresses() {
    }

    /** The first mailbox of a From header that has an address with an {@code @}: the only kind a case can answer. */
    static Optional<MailAddress> author(String rawHeader) {
        if (rawHeader == null) {
            return Optional.empty();
        }
        String header = TextCharsets.repairRawHeader(MimeUtility.unfold(rawHeader)).trim();
        for (InternetAddress parsed : parse(header)) {
            String address = normalized(parsed.getAddress());
            if (address.contains("@")) {
                return Optional.of(new MailAddress(address, displayName(header, parsed)));
            }
        }
        return Optional.empty();
    }

    /** The addresses of To/Cc style headers, lower-cased; groups and junk without an {@code @} are left out. */
    static List<String> all(String rawHeader) {
        List<String> addresses = new ArrayList<>();
        if (rawHeader == null) {
            return addresses;
        }
        for (InternetAddress parsed : parse(TextCharsets.repairRawHeader(MimeUtility.unfold(rawHeader)))) {
            String address = normalized(parsed.getAddress());
            if (address.contains("@") && !addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static List<InternetAddress> parse(String header) {
        try {
            List<InternetAddress> parsed = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                if (address.isGroup()) {
                    parsed.addAll(List.of(address.getGroup(false)));
                } else {
                    parsed.add(address);
                }
            }
            return parsed;
        } catch (AddressException unparseable) {
            // Too broken even for the lenient parser: fall back to anything that looks like an address.
            List<InternetAddress> found = new ArrayList<>();
            Matcher bare = BARE_ADDRESS.matcher(header);
            while (bare.find()) {
                InternetAddress address = new InternetAddress();
                address.setAddress(bare.group());
                found.add(address);
            }
            return found;
        }
    }

    /**
     * Decoded from the text before {@code <}, not from Jakarta's personal name, so that encoded words that a client
     * split inside a character or wrapped in quotes still decode (see {@link EncodedWords}).
     */
    private static String displayName(String header, InternetAddress parsed) {
        int bracket = header.indexOf('<');
        String name = bracket > 0 ? header.substring(0, bracket) : parsed.getPersonal();
        if (name == null) {
            return null;
        }
        String decoded = unquoted(EncodedWords.decode(unquoted(name.trim())).trim());
        return decoded.isEmpty() || decoded.equalsIgnoreCase(parsed.getAddress()) ? null : decoded;
    }

    private static String unquoted(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"")
                || name.startsWith("'") && name.endsWith("'"))) {
            return name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\").trim();
        }
        return name;
    }

    private static String normalized(String address) {
        return address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
    }
}
