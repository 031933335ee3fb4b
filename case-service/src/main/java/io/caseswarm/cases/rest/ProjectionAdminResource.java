package io.caseswarm.cases.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.projection.CaseViewProjector;
import io.caseswarm.cases.report.RebuildStatus;
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

    /**
     * Starts replaying the case, swarm and expert topics from their beginning into a fresh reporting model, in the
     * background: 202 with the rebuild's status, which {@code GET} on the same path follows; 409 while one runs.
     */
    @POST
    @Path("/reports/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public Response rebuildReports() {
        return Response.accepted(reports.start()).location(URI.create("/admin/projections/reports/rebuild")).build();
    }

    /** How the latest rebuild of the reports goes, or went; 404 when there was none. */
    @GET
    @Path("/reports/rebuild")
    @RolesAllowed(Roles.ADMIN)
    public RebuildStatus reportsRebuild() {
        RebuildStatus status = reports.status();
        if (status == null) {
            throw new NotFoundException("The reports were never rebuilt.");
        }
        return status;
    }

    public record RebuildResult(long eventsReplayed) {
    }
}
