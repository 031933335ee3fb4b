package io.caseswarm.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.cases.report.ReportRebuild;
import io.caseswarm.platform.security.Roles;

/** Operator actions on the read models. */
@Path("/admin/projections")
public class ProjectionAdminResource {

    private final CaseViewProjector projector;
    private final ReportRebuild reports;

    ProjectionAdminResource(CaseViewProjector projector, ReportRebuild reports) {
        this.projector = projector;
        this.reports = reports;
    }

    /** Replays every case event into a fresh case view; answers how many events were replayed. */
    @POST
    @Path("/case-view/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public RebuildResult rebuildCaseView() {
        return new RebuildResult(projector.rebuild());
    }

    /** Replays the case, swarm and expert topics from their beginning into a fresh reporting model. */
    @POST
    @Path("/reports/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public RebuildResult rebuildReports() {
        return new RebuildResult(reports.rebuild());
    }

    public record RebuildResult(long eventsReplayed) {
    }
}
