package io.caseswarm.cases.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An SLA policy: the cases it is for and what it promises them, in business time on a calendar. The
 * first policy by {@code rank} whose conditions a case meets is the case's. Conditions are lists of
 * values (priorities, products, customer tiers, channels), each empty for "any".
 *
 * <p>A plain table, like the groups: configuration an admin keeps, not something that happens to a case.
 * A case records the policy and {@code version} it started with, so a change applies to new cases only.
 */
@Entity
@Table(name = "sla_policy")
public class SlaPolicy extends PanacheEntityBase {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";

    @Id
    public String id;
    public String name;
    public int rank;
    public String calendarId;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> priorities;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> products;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tiers;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> channels;
    @Convert(converter = IsoDuration.class)
    public Duration firstResponse;
    @Convert(converter = IsoDuration.class)
    public Duration nextResponse;
    @Convert(converter = IsoDuration.class)
    public Duration resolution;
    public BigDecimal warnAt;
    public boolean pauseOnHold;
    public int version;
    public Instant updatedAt;
    public String updatedBy;

    /** The policy for a case with these fields: the first by rank (then id) whose conditions all hold. */
    public static Optional<SlaPolicy> forCase(SlaSubject subject) {
        return SlaPolicy.<SlaPolicy>list("order by rank, id").stream().filter(policy -> policy.covers(subject))
                .findFirst();
    }

    boolean covers(SlaSubject subject) {
        return allows(priorities, subject.priority()) && allows(products, subject.product())
                && allows(tiers, subject.tier()) && allows(channels, subject.channel());
    }

    /** An empty list allows any value, none included; a list allows only what it names. */
    private static boolean allows(List<String> values, String value) {
        return values.isEmpty() || value != null && values.contains(value);
    }
}
