package io.caseswarm.cases.rest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.calendar.StoredCalendar;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.sla.SlaPolicy;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * SLA policies: an admin keeps them; staff and integrations read them to know what a case is promised.
 * A change applies to cases opened after it: each case keeps the policy version it started with.
 */
@Path("/sla-policies")
public class SlaPolicyResource {

    static final int MAX_POLICIES = 200;
    private static final Duration LONGEST_TARGET = Duration.ofDays(365);
    private static final Set<String> PRIORITIES = Arrays.stream(Priority.values()).map(Priority::label)
            .collect(Collectors.toSet());
    private static final Set<String> CHANNELS = Arrays.stream(Channel.values())
            .map(channel -> channel.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());

    private final Caller caller;

    SlaPolicyResource(Caller caller) {
        this.caller = caller;
    }

    /** Every policy, in the order they are tried: by rank, then id. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public Page<SlaPolicyResponse> list() {
        return new Page<>(SlaPolicy.<SlaPolicy>list("order by rank, id").stream().map(SlaPolicyResponse::of).toList(),
                null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public SlaPolicyResponse find(@PathParam("id") String id) {
        return SlaPolicy.<SlaPolicy>findByIdOptional(id).map(SlaPolicyResponse::of)
                .orElseThrow(() -> new NotFoundException("No SLA policy " + id));
    }

    /** Creates the policy (201) or replaces it as a whole (200) as its next version. */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response put(@PathParam("id") @Pattern(regexp = SlaPolicy.ID_PATTERN,
            message = "must be a policy id: 2 to 40 lower-case letters, digits or '-'") String id,
            @NotNull @Valid SlaPolicyRequest request) {
        if (StoredCalendar.findById(request.calendarId()) == null) {
            throw new InvalidFieldException("calendarId", "no such calendar; GET /calendars lists them");
        }
        SlaPolicyRequest.Targets targets = request.targets();
        requireTarget("targets.firstResponse", targets.firstResponse());
        requireTarget("targets.nextResponse", targets.nextResponse());
        requireTarget("targets.resolution", targets.resolution());
        if (targets.firstResponse() == null && targets.nextResponse() == null && targets.resolution() == null) {
            throw new InvalidFieldException("targets", "promises nothing; give at least one target");
        }
        SlaPolicyRequest.Conditions conditions = request.conditions() == null
                ? new SlaPolicyRequest.Conditions(null, null, null, null) : request.conditions();
        SlaPolicy.getEntityManager().createNativeQuery("lock table sla_policy in share row exclusive mode")
                .executeUpdate();
        SlaPolicy policy = SlaPolicy.findById(id);
        boolean isNew = policy == null;
        if (isNew && SlaPolicy.count() >= MAX_POLICIES) {
            throw new InvalidFieldException("id", "a desk keeps at most " + MAX_POLICIES + " SLA policies");
        }
        if (isNew) {
            policy = new SlaPolicy();
            policy.id = id;
        }
        policy.name = request.name().strip();
        policy.rank = request.rank();
        policy.calendarId = request.calendarId();
        policy.priorities = among("conditions.priorities", conditions.priorities(), PRIORITIES);
        policy.products = distinct(conditions.products());
        policy.tiers = distinct(conditions.tiers());
        policy.channels = among("conditions.channels", conditions.channels(), CHANNELS);
        policy.firstResponse = targets.firstResponse();
        policy.nextResponse = targets.nextResponse();
        policy.resolution = targets.resolution();
        policy.warnAt = request.warnAt() == null ? SlaPolicyRequest.DEFAULT_WARN_AT : request.warnAt();
        policy.pauseOnHold = Boolean.TRUE.equals(request.pauseOnHold());
        policy.version = isNew ? 1 : policy.version + 1;
        policy.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        policy.updatedBy = caller.id();
        policy.persist();
        Response.ResponseBuilder answer = isNew ? Response.created(URI.create("/sla-policies/" + id)) : Response.ok();
        return answer.entity(SlaPolicyResponse.of(policy)).build();
    }

    private static void requireTarget(String field, Duration target) {
        if (target != null && (!target.isPositive() || target.compareTo(LONGEST_TARGET) > 0)) {
            throw new InvalidFieldException(field, "must be more than zero and at most 365 days (ISO 8601, e.g. PT4H)");
        }
    }

    private static List<String> among(String field, List<String> values, Set<String> known) {
        List<String> distinct = distinct(values);
        distinct.stream().filter(value -> !known.contains(value)).findFirst().ifPresent(value -> {
            throw new InvalidFieldException(field, "has " + value + ", which is none of " + known.stream().sorted().toList());
        });
        return distinct;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }
}
