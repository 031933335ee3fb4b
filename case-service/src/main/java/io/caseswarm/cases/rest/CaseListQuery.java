package io.caseswarm.cases.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.domain.Tags;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.projection.CaseFilter;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.JsonEnums;

/**
 * The query parameters of {@code GET /cases}. Lists take several values comma-separated
 * ({@code status=open,pending}); {@code owner=me} is the caller; times are RFC 3339 instants.
 */
public class CaseListQuery {

    @QueryParam("status") @Size(max = 100) String status;
    @QueryParam("priority") @Size(max = 100) String priority;
    @QueryParam("owner") @Size(max = 100) String owner;
    @QueryParam("group") @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String group;
    @QueryParam("unassigned") Boolean unassigned;
    @QueryParam("product") @Size(max = 100) String product;
    @QueryParam("category") @Size(max = 100) String category;
    @QueryParam("tag") @Size(max = 40) String tag;
    @QueryParam("channel") Channel channel;
    @QueryParam("customer") @Size(max = 100) String customer;
    @QueryParam("organisation") @Size(max = 200) String organisation;
    @QueryParam("openedFrom") @Size(max = 40) String openedFrom;
    @QueryParam("openedTo") @Size(max = 40) String openedTo;
    @QueryParam("updatedFrom") @Size(max = 40) String updatedFrom;
    @QueryParam("updatedTo") @Size(max = 40) String updatedTo;
    @QueryParam("q") @Size(max = 200) String q;
    @QueryParam("sort") @DefaultValue("priority") String sort;
    @QueryParam("cursor") @Size(max = 500) String cursor;
    @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit;

    /** The filter these parameters ask for, as {@code callerId} means "me". */
    CaseFilter filter(String callerId) {
        return new CaseFilter(
                oneOrMore("status", status, CaseStatus.class),
                oneOrMore("priority", priority, Priority.class),
                "me".equals(owner) ? callerId : blankToNull(owner),
                Boolean.TRUE.equals(unassigned),
                blankToNull(product), blankToNull(category),
                tag == null || tag.isBlank() ? null : Tags.composed(tag.strip()),
                channel, blankToNull(customer), blankToNull(organisation),
                instant("openedFrom", openedFrom), instant("openedTo", openedTo),
                instant("updatedFrom", updatedFrom), instant("updatedTo", updatedTo),
                blankToNull(q), group);
    }

    /** A case's group is staff's own business: a customer who filters by it is told so, not silently ignored. */
    void refuseStaffFilters() {
        if (group != null) {
            throw ForbiddenFieldsException.of("group", "a customer does not list cases by group");
        }
    }

    CaseFilter.Order order() {
        return switch (sort) {
            case "priority" -> CaseFilter.Order.PRIORITY;
            case "newest" -> CaseFilter.Order.NEWEST;
            default -> throw new InvalidFieldException("sort", "one of priority (then oldest first), newest");
        };
    }

    /** Comma-separated values of an enumeration, read like every other enumeration in a query. */
    private static <E extends Enum<E>> Set<E> oneOrMore(String field, String commaSeparated, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return chosen;
        }
        for (String wanted : commaSeparated.split(",")) {
            chosen.add(JsonEnums.parse(type, wanted.strip()).orElseThrow(() -> new InvalidFieldException(field,
                    "one or more of " + String.join(", ", JsonEnums.names(type)) + ", comma-separated")));
        }
        return chosen;
    }

    private static Instant instant(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "an RFC 3339 instant such as 2026-12-01T09:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
