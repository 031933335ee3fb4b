package io.caseswarm.experts.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.caseswarm.experts.service.InvitationStats;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.security.Roles;

/** How evenly the finder spreads the work: for leads and admins, who watch that nobody is asked for everything. */
@Path("/experts/stats")
public class ExpertStatsResource {

    private static final Duration LONGEST = Duration.ofDays(366);

    private final InvitationStats stats;
    private final Clock clock;

    ExpertStatsResource(InvitationStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * Invitations over the last {@code window} (an ISO-8601 duration, PT1H to P366D; default P30D): totals,
     * the Gini coefficient of invitations over everyone in the directory, and the {@code top} people asked
     * most, with their lapsed invitations, their load now and their capacity.
     */
    @GET
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public InvitationStats.Stats stats(@QueryParam("window") @DefaultValue("P30D") String window,
            @QueryParam("top") @DefaultValue("20") @Min(1) @Max(200) int top) {
        Instant to = clock.instant();
        return stats.between(to.minus(windowOf(window)), to, top);
    }

    private static Duration windowOf(String window) {
        Duration duration;
        try {
            duration = window.length() > 20 ? null : Duration.parse(window);
        } catch (DateTimeParseException e) {
            duration = null;
        }
        if (duration == null || duration.compareTo(Duration.ofHours(1)) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new InvalidFieldException("window", "must be an ISO-8601 duration from PT1H to P366D, such as P30D");
        }
        return duration;
    }
}
