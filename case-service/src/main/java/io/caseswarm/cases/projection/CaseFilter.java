package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.Set;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;

/** Which cases a list shows. Empty sets and nulls do not filter; {@code text} is a web-search style query. */
public record CaseFilter(Set<CaseStatus> statuses, Set<Priority> priorities, String ownerId, boolean unassigned,
        String product, String category, String tag, Channel channel, String customerId, String organisation,
        Instant openedFrom, Instant openedTo, Instant updatedFrom, Instant updatedTo, String text, String groupId) {

    /** The same filter, narrowed to one customer's cases: what a customer may list. */
    public CaseFilter onlyOf(String customer) {
        return new CaseFilter(statuses, priorities, ownerId, unassigned, product, category, tag, channel, customer,
                organisation, openedFrom, openedTo, updatedFrom, updatedTo, text, groupId);
    }

    /** Every case of one customer. */
    public static CaseFilter ofCustomer(String customer) {
        return new CaseFilter(Set.of(), Set.of(), null, false, null, null, null, null, customer, null, null, null,
                null, null, null, null);
    }

    /** How a list is sorted; each order is a keyset a cursor can continue. */
    public enum Order {
        /** A queue: most urgent first, then the oldest. */
        PRIORITY,
        /** Most recently opened first. */
        NEWEST
    }
}
