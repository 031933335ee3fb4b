package io.caseswarm.swarms.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.caseswarm.platform.inbox.EventInbox;
import io.caseswarm.platform.inbox.ReceivedEvent;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.domain.SwarmType;
import io.caseswarm.swarms.projection.CaseRoom;
import io.caseswarm.swarms.projection.KnownCase;
import io.caseswarm.swarms.service.SwarmCommands;
import io.caseswarm.swarms.slack.SlackCaseActionRefusals;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns cases, their owners and priorities from case-service: a case that changes hands takes its swarms
 * with it, and a resolved case closes them (crediting who was in them). Keeps what a swarm's room shows of
 * its case ({@link CaseRoom}): the customer, the SLA's milestones, the latest public messages. Also carries out what case-service's automation rules ask of
 * swarms: a swarm on the case ({@code case-swarm-wanted}), a post in its open swarm
 * ({@code case-swarm-post-wanted}). Tells the person who asked from a swarm for something case-service then
 * refused ({@code case-swarm-action-refused}).
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final EventInbox inbox;
    private final SwarmCommands swarms;
    private final SlackCaseActionRefusals refusals;

    CaseEventsConsumer(EventInbox inbox, SwarmCommands swarms, SlackCaseActionRefusals refusals) {
        this.inbox = inbox;
        this.swarms = swarms;
        this.refusals = refusals;
    }

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, event -> {
            switch (event.type()) {
                case "case-opened" -> opened(event.dataAs(CaseOpened.class));
                case "case-updated" -> {
                    // Only the priority and the product matter here; a case this service never heard of has
                    // none to change.
                    CaseUpdated updated = event.dataAs(CaseUpdated.class);
                    updated.newPriority().ifPresent(priority -> KnownCase.<KnownCase>findByIdOptional(updated.caseId())
                            .ifPresent(known -> known.priority = priority));
                    updated.productChange().ifPresent(product -> KnownCase.<KnownCase>findByIdOptional(
                            updated.caseId()).ifPresent(known -> known.product = product.orElse(null)));
                }
                case "case-message-added" -> {
                    MessageAdded message = event.dataAs(MessageAdded.class);
                    // Internal notes are for the case's people; the room shows what the customer saw too.
                    if ("public".equals(message.visibility())) {
                        CaseRoom.change(message.caseId(), room -> room.said(new CaseRoom.PublicMessage(
                                message.messageId(), message.authorRole(), message.body(), message.addedAt())));
                    }
                }
                case "case-sla-applied" -> {
                    SlaApplied applied = event.dataAs(SlaApplied.class);
                    // The next response is promised only once the customer writes again: shown when it counts.
                    CaseRoom.change(applied.caseId(), room -> {
                        if (applied.terms() != null && applied.terms().firstResponse() != null) {
                            room.milestone("first-response", "running", null, applied.appliedAt());
                        }
                        if (applied.terms() != null && applied.terms().resolution() != null) {
                            room.milestone("resolution", "running", null, applied.appliedAt());
                        }
                    });
                }
                case "case-sla-warning" -> sla(event.dataAs(SlaMilestone.class), "warning");
                case "case-sla-breached" -> sla(event.dataAs(SlaMilestone.class), "breached");
                case "case-sla-met" -> {
                    SlaMilestone met = event.dataAs(SlaMilestone.class);
                    sla(met, Boolean.FALSE.equals(met.inTime()) ? "met-late" : "met");
                }
                case "case-swarm-wanted" -> swarmWanted(event);
                case "case-swarm-post-wanted" -> {
                    SwarmPostWanted wanted = event.dataAs(SwarmPostWanted.class);
                    require(wanted.text() != null && !wanted.text().isBlank(), "a text");
                    require(wanted.by() != null && !wanted.by().isBlank(), "who asked (by)");
                    swarms.postForRule(wanted.caseId(), derivedId(event), wanted.by(), wanted.text().strip());
                }
                case "case-assigned" -> {
                    CaseAssigned assigned = event.dataAs(CaseAssigned.class);
                    known(assigned.caseId()).ownerId = assigned.ownerId();
                    swarms.followCaseOwner(assigned.caseId(), assigned.ownerId());
                }
                case "case-resolved" -> {
                    CaseResolved resolved = event.dataAs(CaseResolved.class);
                    known(resolved.caseId()).status = KnownCase.RESOLVED;
                    swarms.creditMembersOf(resolved.caseId(), resolved.product(), resolved.helpedBy());
                    swarms.closeSwarmsOf(resolved.caseId(), "case-resolved");
                }
                // A reopened case may be swarmed again; a closed one never. A merged duplicate is closed too:
                // its conversation goes on on the survivor, which is swarmed in its own right.
                case "case-reopened" -> known(event.dataAs(CaseResolved.class).caseId()).status = KnownCase.OPEN;
                case "case-closed", "case-merged" -> {
                    UUID caseId = event.dataAs(CaseResolved.class).caseId();
                    known(caseId).status = KnownCase.CLOSED;
                    swarms.closeSwarmsOf(caseId, event.type());
                }
                case "case-swarm-action-refused" -> {
                    ActionRefused refused = event.dataAs(ActionRefused.class);
                    refusals.tell(refused.swarmId(), refused.number(), refused.personId(), refused.action(),
                            refused.reason());
                }
                default -> {
                    // Other case events do not concern swarms.
                }
            }
        });
    }

    private static void opened(CaseOpened opened) {
        KnownCase known = new KnownCase();
        known.caseId = opened.caseId();
        known.number = opened.number();
        known.subject = opened.subject();
        known.status = KnownCase.OPEN;
        known.priority = opened.priority();
        known.product = opened.product();
        known.persist();
        if (opened.customer() != null) {
            CaseRoom.change(opened.caseId(), room -> {
                room.customerName = opened.customer().name();
                room.customerOrganisation = opened.customer().organisation();
            });
        }
    }

    /** The milestone's latest news wins: a next response met, then due again, shows as due again. */
    private static void sla(SlaMilestone news, String state) {
        CaseRoom.change(news.caseId(), room -> room.milestone(news.milestone(), state, news.dueAt(), news.at()));
    }

    /**
     * The swarm's id comes from the event's, so that the same wish handled twice asks for one swarm. What
     * the request cannot be made of (no skills, no question) can never succeed: dead-lettered.
     */
    private void swarmWanted(ReceivedEvent event) {
        SwarmWanted wanted = event.dataAs(SwarmWanted.class);
        require(wanted.skills() != null && !wanted.skills().isEmpty() && wanted.skills().size() <= 10
                && wanted.skills().stream().allMatch(skill -> skill != null && !skill.isBlank()), "1 to 10 skills");
        require(wanted.teamSize() >= 1 && wanted.teamSize() <= 10, "a team of 1 to 10");
        require(wanted.question() != null && !wanted.question().isBlank(), "a question");
        require(wanted.ownerId() != null && wanted.ownerId().matches(PersonIds.PATTERN), "the owner's person id");
        require(wanted.requestedBy() != null && !wanted.requestedBy().isBlank(), "who asked (requestedBy)");
        List<String> skills = wanted.skills().stream().map(skill -> skill.strip().toLowerCase(Locale.ROOT))
                .distinct().toList();
        swarms.requestForRule(new RequestSwarm(derivedId(event), wanted.caseId(), wanted.question(), null, skills,
                wanted.teamSize(), wanted.type()), wanted.ownerId(), wanted.requestedBy());
    }

    private static UUID derivedId(ReceivedEvent event) {
        return UUID.nameUUIDFromBytes((event.type() + "|" + event.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalArgumentException("An automation's wish needs " + what);
        }
    }

    /** Events of one case arrive in order: it was opened before anything else happened to it. */
    private static KnownCase known(UUID caseId) {
        KnownCase known = KnownCase.findById(caseId);
        if (known == null) {
            throw new IllegalStateException("Event for case " + caseId + " that was never opened");
        }
        return known;
    }

    record CaseOpened(UUID caseId, String number, String subject, String priority, String product,
            Customer customer) {
    }

    /** {@code organisation} is optional: case-service's events carry none yet. */
    record Customer(String name, String organisation) {
    }

    record MessageAdded(UUID caseId, UUID messageId, String authorRole, String visibility, String body,
            Instant addedAt) {
    }

    record SlaTerms(String firstResponse, String resolution) {
    }

    record SlaApplied(UUID caseId, SlaTerms terms, Instant appliedAt) {
    }

    /** What case-sla-warning, -breached and -met say; {@code inTime} only on -met. */
    record SlaMilestone(UUID caseId, String milestone, Instant dueAt, Instant warnedAt, Instant breachedAt,
            Instant metAt, Boolean inTime) {

        Instant at() {
            return metAt != null ? metAt : breachedAt != null ? breachedAt : warnedAt;
        }
    }

    record Change(String field, Object from, Object to) {
    }

    record CaseUpdated(UUID caseId, List<Change> changes) {

        /** The priority after the update, if the update changed it (never removed: it is changed, not unset). */
        Optional<String> newPriority() {
            return changes == null ? Optional.empty()
                    : changes.stream().filter(change -> "priority".equals(change.field()) && change.to() != null)
                            .map(change -> change.to().toString()).reduce((first, last) -> last);
        }

        /** The product after the update, if the update changed it: empty inside when it was taken away. */
        Optional<Optional<String>> productChange() {
            return changes == null ? Optional.empty()
                    : changes.stream().filter(change -> "product".equals(change.field()))
                            .map(change -> Optional.ofNullable(change.to()).map(Object::toString))
                            .reduce((first, last) -> last);
        }
    }

    /**
     * Asked for by an automation rule of case-service; unknown fields are ignored. {@code type} is the
     * swarm type the rule asks for; null (older rules and events) is decided as for a person's request.
     */
    record SwarmWanted(UUID caseId, String number, String ownerId, List<String> skills, int teamSize,
            String question, String requestedBy, SwarmType type) {
    }

    record SwarmPostWanted(UUID caseId, String number, String text, String by) {
    }

    record CaseAssigned(UUID caseId, String ownerId) {
    }

    /**
     * What swarms need of case-resolved, case-reopened, case-closed and case-merged: which case; of
     * case-resolved also its product and who helped, to credit the swarms' members.
     */
    record CaseResolved(UUID caseId, String product, Resolution resolution) {

        List<String> helpedBy() {
            return resolution == null || resolution.helpedBy() == null ? List.of() : resolution.helpedBy();
        }
    }

    record Resolution(List<String> helpedBy) {
    }

    record ActionRefused(UUID swarmId, String number, String personId, String action, String reason) {
    }
}
