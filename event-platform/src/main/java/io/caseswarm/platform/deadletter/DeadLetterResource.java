package io.caseswarm.platform.deadletter;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.caseswarm.platform.deadletter.DeadLetterRedrive.RedriveReport;
import io.caseswarm.platform.security.Roles;

/**
 * Operators' view of the dead-letter topics, in every service: how many records wait, and putting a
 * topic's dead letters back once their cause is fixed. Admins only.
 */
@Path("/admin/dead-letters")
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;
    private final DeadLetterDepth depth;

    DeadLetterResource(DeadLetterRedrive redrive, DeadLetterDepth depth) {
        this.redrive = redrive;
        this.depth = depth;
    }

    /** The dead-letter topics this service writes to, each with the records waiting in it (-1: unknown). */
    @GET
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Long> depths() {
        return depth.depths();
    }

    /** Re-delivers what waits in {@code <topic>-dlq} to {@code <topic>}; consumers skip what they applied. */
    @POST
    @Path("/{topic}/redrive")
    @RolesAllowed(Roles.ADMIN)
    public RedriveReport redrive(@PathParam("topic") String topic) {
        try {
            return redrive.redrive(topic);
        } finally {
            depth.forget();
        }
    }
}
