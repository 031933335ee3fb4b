package io.caseswarm.notifications.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.notifications.domain.Channel;
import io.caseswarm.notifications.preference.Preference;
import io.caseswarm.platform.rest.PersonId;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * A person's notification preference: how they want to hear from Caseswarm, or not at all. People and
 * customers read and change only their own; an admin may read and change anybody's.
 */
@Path("/people/{personId}/preferences")
@RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.CUSTOMER, Roles.ADMIN })
public class PreferenceResource {

    private final Caller caller;

    PreferenceResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    public PreferenceResponse read(
            @PathParam("personId") @PersonId String personId) {
        caller.requireSelfOr(personId, Roles.ADMIN);
        return new PreferenceResponse(personId, Preference.of(personId));
    }

    @PUT
    @Transactional
    public PreferenceResponse choose(
            @PathParam("personId") @PersonId String personId,
            @NotNull @Valid PreferenceRequest preference) {
        caller.requireSelfOr(personId, Roles.ADMIN);
        Preference.choose(personId, preference.channel(), Instant.now());
        return new PreferenceResponse(personId, preference.channel());
    }

    public record PreferenceRequest(@NotNull Channel channel) {
    }

    public record PreferenceResponse(String personId, Channel channel) {
    }
}
