package io.caseswarm.cases.report;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.platform.metrics.ServiceGauges;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.runtime.StartupEvent;

/**
 * The desk's numbers for Prometheus, from the reporting read model: unresolved cases by priority, and SLA milestones
 * of unresolved cases at risk and breached. A scrape reads the model at most once per {@code refresh}, however many
 * gauges and scrapers there are. (A swarm's time to its first join is a distribution the projector records.)
 */
@ApplicationScoped
public class ReportGauges {

    private final DataSource dataSource;
    private final ServiceGauges gauges;
    private final Duration refresh;
    private Map<String, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    ReportGauges(DataSource dataSource, ServiceGauges gauges,
            @ConfigProperty(name = "caseswarm.reports.gauge-refresh", defaultValue = "PT15S") Duration refresh) {
        this.dataSource = dataSource;
        this.gauges = gauges;
        this.refresh = refresh;
    }

    void register(@Observes StartupEvent start) {
        for (Priority priority : Priority.values()) {
            gauge("caseswarm.report.cases.unresolved", "Cases neither resolved nor closed", "priority",
                    priority.label(), "cases:" + priority.label());
        }
        for (SlaMilestone milestone : SlaMilestone.values()) {
            gauge("caseswarm.report.sla.at.risk", "SLA milestones of unresolved cases warned about, not met",
                    "milestone", milestone.label(), "at-risk:" + milestone.label());
            gauge("caseswarm.report.sla.breached", "SLA milestones of unresolved cases breached, not met",
                    "milestone", milestone.label(), "breached:" + milestone.label());
        }
    }

    private void gauge(String name, String description, String tag, String value, String key) {
        gauges.register(Gauge.builder(name, this, self -> self.count(key)).description(description).tag(tag, value));
    }

    private synchronized double count(String key) {
        Instant now = Instant.now();
        if (!now.isBefore(readAt.plus(refresh))) {
            counts = read();
            readAt = now;
        }
        return counts.getOrDefault(key, 0L);
    }

    private Map<String, Long> read() {
        return ReportStatement.inSnapshot(dataSource, connection -> {
            Map<String, Long> read = new HashMap<>();
            new ReportStatement("select 'cases:' || c.priority, count(*) from report_case c where "
                    + Reports.UNRESOLVED, ReportFilter.ALL).then(" group by 1")
                    .each(connection, rows -> read.put(rows.getString(1), rows.getLong(2)));
            new ReportStatement("select case when s.breached_at is null then 'at-risk:' else 'breached:' end"
                    + " || s.milestone, count(*) from report_sla s join report_case c on c.case_id = s.case_id"
                    + " where s.met_at is null and (s.warned_at is not null or s.breached_at is not null)"
                    + " and " + Reports.UNRESOLVED, ReportFilter.ALL).then(" group by 1")
                    .each(connection, rows -> read.put(rows.getString(1), rows.getLong(2)));
            return read;
        });
    }
}
