package io.caseswarm.cases.rest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.report.ReportFilter;
import io.caseswarm.cases.report.ReportPeriod;
import io.caseswarm.cases.report.ReportPeriod.Bucket;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.JsonEnums;

/**
 * The query parameters of {@code GET /reports/...}: which cases ({@code priority}, {@code channel}, {@code product},
 * {@code group}, {@code owner}; and for the swarm report {@code pod}) and, for a period report, which days ({@code from} and {@code to}, ISO dates, both
 * included) in which {@code timeZone} (an IANA name), in which {@code bucket} (day, week, month). Without any: every
 * case, the last 30 days up to today, by day, in UTC.
 */
public class ReportQuery {

    static final int DEFAULT_DAYS = 30;

    @QueryParam("priority") @Size(max = 20) String priority;
    @QueryParam("channel") @Size(max = 20) String channel;
    @QueryParam("product") @Size(max = 100) String product;
    @QueryParam("group") @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String group;
    @QueryParam("owner") @Size(max = 100) String owner;
    @QueryParam("from") @Size(max = 10) String from;
    @QueryParam("to") @Size(max = 10) String to;
    @QueryParam("bucket") @Size(max = 10) String bucket;
    @QueryParam("timeZone") @Size(max = 60) String timeZone;
    /** The swarm report's only: the pod the swarms were routed to. */
    @QueryParam("pod") @Size(max = 100) String pod;

    ReportFilter filter() {
        return new ReportFilter(
                priority == null ? null : JsonEnums.nameOf(JsonEnums.parse(Priority.class, priority).orElseThrow(
                        () -> new InvalidFieldException("priority", "one of " + String.join(", ",
                                JsonEnums.names(Priority.class))))),
                channel == null ? null : JsonEnums.nameOf(JsonEnums.parse(Channel.class, channel).orElseThrow(
                        () -> new InvalidFieldException("channel", "one of " + String.join(", ",
                                JsonEnums.names(Channel.class))))),
                blankToNull(product), group, blankToNull(owner));
    }

    String pod() {
        return blankToNull(pod);
    }

    /** The period asked for, as of {@code today} in UTC when no time zone is given. */
    ReportPeriod period(java.time.Instant now) {
        ZoneId zone = zone();
        LocalDate last = to == null ? LocalDate.ofInstant(now, zone) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        if (first.isAfter(last)) {
            throw new InvalidFieldException("from", "a day no later than to (" + last + ")");
        }
        ReportPeriod period = new ReportPeriod(first, last, bucket(), zone);
        if (period.bucketCount() > ReportPeriod.MAX_BUCKETS) {
            throw new InvalidFieldException("bucket", "at most " + ReportPeriod.MAX_BUCKETS
                    + " buckets in one report: a shorter period, or a longer bucket");
        }
        return period;
    }

    private Bucket bucket() {
        if (bucket == null) {
            return Bucket.DAY;
        }
        return Arrays.stream(Bucket.values()).filter(each -> each.label().equals(bucket.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidFieldException("bucket", "one of day, week, month"));
    }

    private ZoneId zone() {
        if (timeZone == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidFieldException("timeZone", "an IANA time zone such as Europe/Rome or Asia/Ho_Chi_Minh");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "a date such as 2026-12-01");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
