package io.caseswarm.cases.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Channel;
import io.caseswarm.cases.domain.Priority;
import io.caseswarm.cases.service.CaseSla;
import io.caseswarm.cases.sla.SlaClock;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current state of a case, projected from its events for reading. Never written by anything else. */
@Entity
@Table(name = "case_view")
public class CaseView extends PanacheEntityBase {

    @Id
    public UUID id;
    public String number;
    public String subject;
    public String description;
    public String customerId;
    public String customerName;
    public String customerEmail;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String product;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public String category;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> customFields;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    public String ownerId;
    /** The group whose queue the case is in, if any. */
    public String groupId;
    /** Links to other cases, in the order they were made. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<LinkedCase> links;
    /** The survivor a duplicate was merged into: its conversation goes on there. */
    public UUID mergedIntoId;
    public String mergedIntoNumber;
    public String resolutionSummary;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> helpedBy;
    public Instant resolvedAt;
    public Instant reopenedAt;
    public Instant closedAt;
    public Instant openedAt;
    public Instant updatedAt;
    public long version;
    /** {@link Priority#rank()}, for queues sorted by priority. */
    public int priorityRank;
    /** What anyone who reads the case may find it by (subject, description, public messages), {@link SearchText folded}. */
    public String publicText;
    /** What only staff find it by: internal notes, folded. */
    public String staffText;
    /** The SLA policy the case was given on opening; null for a case without one. */
    public String slaPolicyId;
    public String slaCalendarId;
    /** The case's SLA clock as its last event left it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public SlaClock.Snapshot slaClock;

    public CaseFields fields() {
        return CaseFields.of(priority, product, category, tags, customFields);
    }

    /** The case's SLA as the view keeps it; empty when it has none. */
    public Optional<CaseSla> sla() {
        return slaClock == null ? Optional.empty() : Optional.of(CaseSla.restore(slaPolicyId, slaCalendarId, slaClock));
    }

    public void keep(CaseSla sla) {
        slaPolicyId = sla.policyId();
        slaCalendarId = sla.calendarId();
        slaClock = sla.clock().snapshot();
    }

    /** Adds the link unless the case has it already (a link is recorded once per relation and case). */
    public void link(LinkedCase link) {
        if (!links.contains(link)) {
            List<LinkedCase> more = new ArrayList<>(links);
            more.add(link);
            links = List.copyOf(more);
        }
    }

    /** The one place the view takes a case's fields, whichever event set them. */
    public void show(CaseFields fields) {
        priority = fields.priority();
        priorityRank = fields.priority().rank();
        product = fields.product();
        category = fields.category();
        tags = fields.tags();
        customFields = fields.customFields();
    }
}
