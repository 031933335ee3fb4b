package io.caseswarm.cases.inbound;

import java.util.Locale;

import io.caseswarm.cases.domain.Priority;

/** A support mailbox as intake uses it: its address and what a case opened from it gets. */
public record Mailbox(String name, String address, String product, Priority priority, String groupId) {

    static Mailbox of(String name, MailSettings.MailboxSettings settings) {
        return new Mailbox(name, settings.address().strip().toLowerCase(Locale.ROOT), settings.product().orElse(null),
                Priority.ofLabel(settings.priority().strip().toLowerCase(Locale.ROOT)), settings.group().orElse(null));
    }
}
