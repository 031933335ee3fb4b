package io.caseswarm.cases.inbound;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured support mailboxes, found by name or by the address a mail was sent to. */
@ApplicationScoped
public class Mailboxes {

    private final List<Mailbox> all;

    Mailboxes(MailSettings settings) {
        this.all = settings.mailboxes().entrySet().stream()
                .map(entry -> Mailbox.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    public List<Mailbox> all() {
        return all;
    }

    public Optional<Mailbox> named(String name) {
        return all.stream().filter(mailbox -> mailbox.name().equals(name)).findFirst();
    }

    /** The first mailbox among the addresses, in their order (To before Cc, as a mail lists them). */
    public Optional<Mailbox> forAnyOf(Collection<String> addresses) {
        return addresses.stream()
                .map(address -> address.strip().toLowerCase(Locale.ROOT))
                .flatMap(address -> all.stream().filter(mailbox -> mailbox.address().equals(address)))
                .findFirst();
    }
}
