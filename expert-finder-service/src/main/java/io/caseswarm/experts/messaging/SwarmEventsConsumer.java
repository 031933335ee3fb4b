package io.caseswarm.experts.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.experts.domain.SwarmRequest;
import io.caseswarm.experts.service.LearningService;
import io.caseswarm.experts.service.StaffingService;
import io.caseswarm.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Staffs new swarms, and more of a swarm when its owner asks, and follows the answers, closes and
 * cancellations that change people's load; an answer, a close or a cancellation also ends the wait of an
 * invitation, so it cannot expire any more. Credits on resolved cases' swarms teach it who knows what.
 */
@ApplicationScoped
public class SwarmEventsConsumer {

    private final EventInbox inbox;
    private final StaffingService staffing;
    private final LearningService learning;

    SwarmEventsConsumer(EventInbox inbox, StaffingService staffing, LearningService learning) {
        this.inbox = inbox;
        this.staffing = staffing;
        this.learning = learning;
    }

    @Incoming("swarm-events")
    @Blocking
    public void onSwarmEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "swarm-requested" -> {
                    SwarmRequested requested = event.dataAs(SwarmRequested.class);
                    staffing.swarmRequested(new SwarmRequest(requested.swarmId(), requested.caseId(),
                            requested.ownerId(), requested.skills(), requested.teamSize(), requested.caseNumber(),
                            requested.question(), requested.priority(), requested.podId(), requested.type(),
                            requested.product(), requested.stepsTried()));
                }
                case "swarm-member-declined" -> {
                    MemberAnswer answer = event.dataAs(MemberAnswer.class);
                    staffing.declined(answer.swarmId(), answer.personId());
                }
                case "swarm-member-joined" -> {
                    MemberAnswer answer = event.dataAs(MemberAnswer.class);
                    staffing.joined(answer.swarmId(), answer.personId());
                }
                case "swarm-member-added" -> {
                    MemberAnswer added = event.dataAs(MemberAnswer.class);
                    staffing.added(added.swarmId(), added.personId());
                }
                case "swarm-member-left" -> {
                    MemberAnswer answer = event.dataAs(MemberAnswer.class);
                    staffing.left(answer.swarmId(), answer.personId());
                }
                // Taken out by the owner or a lead: freed as if they had left; nobody is asked in their place.
                case "swarm-member-removed" -> {
                    MemberAnswer answer = event.dataAs(MemberAnswer.class);
                    staffing.left(answer.swarmId(), answer.personId());
                }
                case "swarm-owner-changed" -> {
                    OwnerChange change = event.dataAs(OwnerChange.class);
                    staffing.ownerChanged(change.swarmId(), change.ownerId());
                }
                case "swarm-closed" -> staffing.closed(event.dataAs(SwarmClosed.class).swarmId());
                // Called off: everyone held is freed, as on a close.
                case "swarm-cancelled" -> staffing.closed(event.dataAs(SwarmClosed.class).swarmId());
                case "swarm-experts-requested" -> {
                    ExpertsRequested more = event.dataAs(ExpertsRequested.class);
                    staffing.moreWanted(more.swarmId(), more.count());
                }
                case "swarm-skills-changed" -> {
                    SkillsChanged changed = event.dataAs(SkillsChanged.class);
                    staffing.skillsChanged(changed.swarmId(), changed.skills());
                }
                case "swarm-member-credited" -> {
                    Credited credited = event.dataAs(Credited.class);
                    learning.credited(credited.swarmId(), credited.personId(), credited.skills(), credited.product(),
                            credited.posts(), credited.helped(), credited.creditedAt());
                }
                default -> {
                    // Posts and the swarm's record of invitations change nobody's load.
                }
            }
        });
    }

    /** {@code priority}, {@code podId} and {@code type} are null on swarms requested before they were sent. */
    public record SwarmRequested(UUID swarmId, UUID caseId, String ownerId, List<String> skills, int teamSize,
            String caseNumber, String question, String priority, String podId, String type, String product,
            String stepsTried) {
    }

    public record Credited(UUID swarmId, String personId, List<String> skills, String product, int posts, boolean helped,
            Instant creditedAt) {
    }

    public record MemberAnswer(UUID swarmId, String personId) {
    }

    record SwarmClosed(UUID swarmId) {
    }

    record ExpertsRequested(UUID swarmId, int count) {
    }

    record SkillsChanged(UUID swarmId, List<String> skills) {
    }

    record OwnerChange(UUID swarmId, String ownerId) {
    }
}
