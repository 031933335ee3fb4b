package io.caseswarm.cases.domain;

import java.util.UUID;

/**
 * The command to open a case. The id is chosen before the command runs: it names the new event
 * stream. {@code ownerId} and {@code groupId} are optional: a case can be assigned, or put in a group's
 * queue, on open or later. {@code email} is the mail a case from a mailbox came in.
 */
public record OpenCase(UUID caseId, String subject, String description, Customer customer, Channel channel,
        String product, Priority priority, String ownerId, String groupId, MailOrigin email) {

    public OpenCase(UUID caseId, String subject, String description, Customer customer, Channel channel,
            String product, Priority priority, String ownerId, String groupId) {
        this(caseId, subject, description, customer, channel, product, priority, ownerId, groupId, null);
    }

    /** The same command for {@code found}, the customer the directory found or made. */
    public OpenCase withCustomer(Customer found) {
        return new OpenCase(caseId, subject, description, found, channel, product, priority, ownerId, groupId, email);
    }
}
