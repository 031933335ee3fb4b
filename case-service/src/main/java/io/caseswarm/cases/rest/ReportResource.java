package io.caseswarm.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.caseswarm.cases.report.NowReport;
import io.caseswarm.cases.report.PeriodReport;
import io.caseswarm.cases.report.ReportCsv;
import io.caseswarm.cases.report.Reports;
import io.caseswarm.cases.report.SwarmReport;
import io.caseswarm.cases.report.SwarmReports;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.security.Roles;

/**
 * The desk's numbers for leads, admins and other systems (a BI tool): JSON, or CSV with {@code Accept: text/csv}.
 * They count every case of the desk, so agents, experts and customers may not read them.
 */
@Path("/reports")
@RolesAllowed({ Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
public class ReportResource {

    static final String CSV = "text/csv";

    private final Reports reports;
    private final SwarmReports swarmReports;
    private final PlatformClock clock;

    ReportResource(Reports reports, SwarmReports swarmReports, PlatformClock clock) {
        this.reports = reports;
        this.swarmReports = swarmReports;
        this.clock = clock;
    }

    @GET
    @Path("/now")
    @Produces(MediaType.APPLICATION_JSON)
    public NowReport now(@Valid @BeanParam ReportQuery query) {
        return reports.now(query.filter());
    }

    @GET
    @Path("/now")
    @Produces(CSV)
    public String nowAsCsv(@Valid @BeanParam ReportQuery query) {
        return ReportCsv.now(now(query));
    }

    @GET
    @Path("/period")
    @Produces(MediaType.APPLICATION_JSON)
    public PeriodReport period(@Valid @BeanParam ReportQuery query) {
        return reports.period(query.period(clock.now()), query.filter());
    }

    @GET
    @Path("/period")
    @Produces(CSV)
    public String periodAsCsv(@Valid @BeanParam ReportQuery query) {
        return ReportCsv.period(period(query));
    }

    @GET
    @Path("/swarms")
    @Produces(MediaType.APPLICATION_JSON)
    public SwarmReport swarms(@Valid @BeanParam ReportQuery query) {
        return swarmReports.swarms(query.period(clock.now()), query.filter(), query.pod());
    }

    @GET
    @Path("/swarms")
    @Produces(CSV)
    public String swarmsAsCsv(@Valid @BeanParam ReportQuery query) {
        return ReportCsv.swarms(swarms(query));
    }
}
