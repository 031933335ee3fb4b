package io.caseswarm.cases.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.caseswarm.platform.event.MalformedEventException;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.caseswarm.platform.tx.OnCommit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Keeps the swarm reports' read model: each swarm from swarm-events, and each person's part in it from swarm-events
 * (invited, joined or added, declined, expired) and expert-events (invited from outside the swarm's pod). The two
 * topics arrive in no order with each other, so each event fills in its own columns of the person's row, the first
 * time only. It keeps which pod covers each product too, from expert-events, for the desk's report of now.
 */
@ApplicationScoped
@Startup // so that Prometheus has the first-join distribution before the first swarm
public class SwarmReportProjector {

    private final EntityManager db;
    private final OnCommit onCommit;
    private final Consumer<FirstJoins> firstJoins;

    SwarmReportProjector(EntityManager db, OnCommit onCommit, MeterRegistry metrics) {
        this.db = db;
        this.onCommit = onCommit;
        DistributionSummary waits = DistributionSummary.builder("caseswarm.report.swarm.first.join")
                .description("From a swarm's request to the first invited expert who joined it").baseUnit("seconds")
                .publishPercentileHistogram().register(metrics);
        this.firstJoins = committed -> committed.seconds.forEach(waits::record);
    }

    public void applySwarmEvent(ReceivedEvent event) {
        switch (event.type()) {
            case "swarm-requested" -> {
                Requested requested = required(event, event.dataAs(Requested.class), Requested::swarmId,
                        Requested::caseId, Requested::requestedAt);
                db.createNativeQuery("insert into report_swarm (swarm_id, case_id, pod_id, requested_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, requested.swarmId()).setParameter(2, requested.caseId())
                        .setParameter(3, requested.podId()).setParameter(4, requested.requestedAt()).executeUpdate();
            }
            case "swarm-member-invited" -> {
                Invited invited = event.dataAs(Invited.class);
                member(invited.swarmId(), invited.personId(), "invited_at", invited.invitedAt());
            }
            case "swarm-member-joined" -> {
                Joined joined = event.dataAs(Joined.class);
                member(joined.swarmId(), joined.personId(), "joined_at", joined.joinedAt());
                firstJoin(joined);
            }
            case "swarm-member-added" -> {
                Added added = event.dataAs(Added.class);
                member(added.swarmId(), added.personId(), "joined_at", added.addedAt());
            }
            case "swarm-member-declined" -> {
                Declined declined = event.dataAs(Declined.class);
                member(declined.swarmId(), declined.personId(), "declined_at", declined.declinedAt());
            }
            case "swarm-member-expired" -> {
                Expired expired = event.dataAs(Expired.class);
                member(expired.swarmId(), expired.personId(), "expired_at", expired.expiredAt());
            }
            default -> {
                // Posts, skills, owners and the swarm's end change no swarm figure.
            }
        }
    }

    public void applyExpertEvent(ReceivedEvent event) {
        switch (event.type()) {
            case "expert-registered" -> {
                Registered registered = required(event, event.dataAs(Registered.class), Registered::personId,
                        Registered::registeredAt);
                db.createNativeQuery("insert into report_expert (person_id, registered_at) values (?1, ?2)"
                        + " on conflict do nothing").setParameter(1, registered.personId())
                        .setParameter(2, registered.registeredAt()).executeUpdate();
            }
            case "expert-invited" -> {
                ExpertInvited invited = event.dataAs(ExpertInvited.class);
                if (invited.crossPod() != null) {
                    member(invited.swarmId(), invited.personId(), "cross_pod", invited.crossPod());
                }
            }
            case "pod-defined" -> podDefined(required(event, event.dataAs(PodDefined.class), PodDefined::podId,
                    PodDefined::products));
            default -> {
                // Profiles and skills change no report.
            }
        }
    }

    /**
     * The products the pod covers now, which the desk's cases are counted by (its whole definition comes each time).
     * Should two pods ever claim one product, the first by id takes it, as swarms are routed.
     */
    private void podDefined(PodDefined defined) {
        db.createNativeQuery("delete from report_pod_product where pod_id = ?1").setParameter(1, defined.podId())
                .executeUpdate();
        db.createNativeQuery("insert into report_pod_product (product, pod_id)"
                + " select distinct lower(product), ?1 from unnest(?2) as p(product)"
                + " on conflict (product) do update set pod_id = least(report_pod_product.pod_id, excluded.pod_id)")
                .setParameter(1, defined.podId()).setParameter(2, defined.products().toArray(String[]::new))
                .executeUpdate();
    }

    /**
     * The first expert to answer an invitation: how long the swarm waited for help, kept on the swarm and, once the
     * transaction commits, in the distribution Prometheus reads.
     */
    private void firstJoin(Joined joined) {
        List<?> waited = db.createNativeQuery("update report_swarm set first_joined_at = ?2"
                + " where swarm_id = ?1 and first_joined_at is null"
                + " returning extract(epoch from first_joined_at - requested_at)")
                .setParameter(1, joined.swarmId()).setParameter(2, joined.joinedAt()).getResultList();
        if (!waited.isEmpty()) {
            onCommit.changes(FirstJoins.class, FirstJoins::new, firstJoins).seconds
                    .add(((Number) waited.getFirst()).doubleValue());
        }
    }

    /**
     * A record without what the model cannot do without is malformed, before anything is written: the live consumer
     * dead-letters it, and a rebuild skips it, as it did.
     */
    @SafeVarargs
    private static <T> T required(ReceivedEvent event, T data, Function<T, Object>... fields) {
        for (Function<T, Object> field : fields) {
            if (field.apply(data) == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " lacks a field the reports need: "
                        + data);
            }
        }
        return data;
    }

    /** {@code column} is one of this class's constants, never input. */
    private void member(UUID swarmId, String personId, String column, Object value) {
        if (swarmId == null || personId == null) {
            throw new MalformedEventException("A swarm member's event without its swarm or person: " + column);
        }
        db.createNativeQuery("insert into report_swarm_member (swarm_id, person_id, " + column + ") values (?1, ?2, ?3)"
                + " on conflict (swarm_id, person_id) do update set " + column
                + " = coalesce(report_swarm_member." + column + ", excluded." + column + ")")
                .setParameter(1, swarmId).setParameter(2, personId).setParameter(3, value).executeUpdate();
    }

    /** The first joins a transaction recorded. */
    private static final class FirstJoins {
        final List<Double> seconds = new ArrayList<>();
    }

    record Requested(UUID swarmId, UUID caseId, String podId, Instant requestedAt) {
    }

    record Invited(UUID swarmId, String personId, Instant invitedAt) {
    }

    record Joined(UUID swarmId, String personId, Instant joinedAt) {
    }

    record Added(UUID swarmId, String personId, Instant addedAt) {
    }

    record Declined(UUID swarmId, String personId, Instant declinedAt) {
    }

    record Expired(UUID swarmId, String personId, Instant expiredAt) {
    }

    record Registered(String personId, Instant registeredAt) {
    }

    record ExpertInvited(UUID swarmId, String personId, Boolean crossPod) {
    }

    record PodDefined(String podId, List<String> products) {
    }
}
