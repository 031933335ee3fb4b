package io.caseswarm.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.platform.security.Roles;

/** Operator actions on the read models. */
@Path("/admin/projections")
public class ProjectionAdminResource {

    private final CaseViewProjector projector;

    ProjectionAdminResource(CaseViewProjector projector) {
        this.projector = projector;
    }

    /** Replays every case event into a fresh case view; answers how many events were replayed. */
    @POST
    @Path("/case-view/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public RebuildResult rebuildCaseView() {
        return new RebuildResult(projector.rebuild());
    }

    public record RebuildResult(long eventsReplayed) {
    }
}
