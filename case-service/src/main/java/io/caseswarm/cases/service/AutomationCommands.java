package io.caseswarm.cases.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.automation.AutomationLog;
import io.caseswarm.cases.automation.AutomationRule;
import io.caseswarm.cases.automation.AutomationSettings;
import io.caseswarm.cases.automation.CaseFacts;
import io.caseswarm.cases.automation.CaseFactsReader;
import io.caseswarm.cases.automation.Condition;
import io.caseswarm.cases.automation.RuleAction;
import io.caseswarm.cases.automation.RuleDefinition;
import io.caseswarm.cases.automation.RuleParser;
import io.caseswarm.cases.automation.RuleTimes;
import io.caseswarm.cases.automation.Trigger;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.ActionTaken;
import io.caseswarm.cases.domain.CaseEvent.AutomationLimitReached;
import io.caseswarm.cases.domain.CaseEvent.AutomationRuleFired;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalDenied;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalGranted;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalRequested;
import io.caseswarm.cases.domain.CaseEvent.RuleTriggered;
import io.caseswarm.cases.projection.CaseApproval;
import io.caseswarm.cases.projection.CaseView;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.deadline.Deadlines;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.store.EventStore;
import io.quarkus.security.ForbiddenException;

/**
 * Runs automation rules on cases. Each firing is a command like any other: the case is loaded from its
 * events, the rule's conditions are checked on it as it is now, and the rule's actions decide; what
 * they cause is appended, after an {@code automation-rule-fired} that says why, in one transaction.
 *
 * <p>Rules never act on what they did themselves (an event whose {@code by} is the rule), and one case
 * takes at most {@link AutomationSettings#maxFiringsPerCase()} firings within the window, so that rules
 * setting each other off cannot run away; reaching it is recorded once per window.
 */
@ApplicationScoped
public class AutomationCommands {

    /** The deadlines of rules that wait a time after an event. */
    public static final String DEADLINE_KIND = "automation-rule";
    private static final Logger LOG = Logger.getLogger(AutomationCommands.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore store;
    private final CaseStreams streams;
    private final CaseFactsReader factsReader;
    private final RuleActions actions;
    private final Deadlines deadlines;
    private final RuleTimes times;
    private final PlatformClock clock;
    private final AutomationSettings settings;

    AutomationCommands(EventStore store, CaseStreams streams, CaseFactsReader factsReader, RuleActions actions,
            Deadlines deadlines, RuleTimes times, PlatformClock clock, AutomationSettings settings) {
        this.store = store;
        this.streams = streams;
        this.factsReader = factsReader;
        this.actions = actions;
        this.deadlines = deadlines;
        this.times = times;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * A case event as committed: each enabled rule waiting for it fires now, or, for a rule that waits a
     * time after it, gets a deadline (moved on if the event happens again before it is due).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaseEvent(SeenCaseEvent event) {
        if (!settings.enabled() || !RuleParser.TRIGGER_EVENTS.contains(event.type())) {
            return;
        }
        String causedBy = event.causedBy();
        String milestone = event.data().path("milestone").asText(null);
        for (AutomationRule rule : AutomationRule.waitingFor(event.type())) {
            if (rule.actor().equals(causedBy)) {
                continue; // its own doing: no rule sets itself off
            }
            RuleDefinition definition = rule.rule();
            Trigger trigger = definition.trigger();
            if (!trigger.matches(event.type(), milestone)) {
                continue;
            }
            if (trigger.isTimed()) {
                Instant due = times.dueAt(event.caseId(), event.at(), trigger);
                deadlines.schedule(DEADLINE_KIND, event.caseId().toString(), rule.id, due,
                        new TimedFiring(rule.id, event.type(), event.eventId()));
            } else {
                fire(rule, definition, event.caseId(), new RuleTriggered(event.type(), event.eventId(), null, null));
            }
        }
    }

    /** A timed rule's time is up: it fires if it still waits for that event, with its conditions checked now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onTimeUp(UUID caseId, TimedFiring firing) {
        if (!settings.enabled()) {
            return;
        }
        AutomationRule rule = AutomationRule.findById(firing.ruleId());
        if (rule == null || !rule.enabled) {
            return;
        }
        RuleDefinition definition = rule.rule();
        Trigger trigger = definition.trigger();
        if (!trigger.isTimed() || !trigger.event().equals(firing.event())) {
            LOG.debugf("Rule %s no longer waits a time after %s; its deadline on case %s does nothing", rule.id,
                    firing.event(), caseId);
            return;
        }
        fire(rule, definition, caseId, new RuleTriggered(firing.event(), firing.eventId(), trigger.after().toString(),
                trigger.timeLabel()));
    }

    /** What the rule would do to the case now, changing nothing; 404 for a rule or case that does not exist. */
    @Transactional
    public Firing dryRun(String ruleId, UUID caseId) {
        AutomationRule rule = AutomationRule.<AutomationRule>findByIdOptional(ruleId)
                .orElseThrow(() -> new NotFoundException("No automation rule " + ruleId));
        List<CaseEvent> history = history(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
        RuleDefinition definition = rule.rule();
        return decide(rule, definition, caseId, history,
                new RuleTriggered(definition.trigger().event(), null, durationOf(definition.trigger()),
                        definition.trigger().timeLabel()), true);
    }

    private static String durationOf(Trigger trigger) {
        return trigger.after() == null ? null : trigger.after().toString();
    }

    private void fire(AutomationRule rule, RuleDefinition definition, UUID caseId, RuleTriggered trigger) {
        if (CaseView.findById(caseId) == null) {
            LOG.debugf("No case %s here; rule %s has nothing to act on", caseId, rule.id);
            return;
        }
        streams.decideOnHistory(caseId, history -> decide(rule, definition, caseId, history, trigger, false).events());
    }

    /**
     * The whole decision of one firing: conditions, the limit, the actions, the events to append. A dry run
     * goes through the actions even when a condition fails or the limit is reached, to show what they would
     * do; its events are never appended.
     */
    private Firing decide(AutomationRule rule, RuleDefinition definition, UUID caseId, List<CaseEvent> history,
            RuleTriggered trigger, boolean dryRun) {
        Instant now = clock.now();
        CaseFacts facts = factsReader.read(caseId, now).orElseThrow(() -> new NotFoundException("No case " + caseId));
        List<Condition.Outcome> outcomes = definition.conditions().stream().map(condition -> condition.test(facts))
                .toList();
        boolean hold = outcomes.stream().allMatch(Condition.Outcome::holds);
        if (!hold && !dryRun) {
            return new Firing(outcomes, false, false, List.of(), List.of());
        }
        AutomationLog log = AutomationLog.of(history);
        Instant windowStart = now.minus(settings.window());
        boolean limited = log.firingsSince(windowStart) >= settings.maxFiringsPerCase();
        if (limited && !dryRun) {
            List<CaseEvent> events = log.limitReachedSince(windowStart) ? List.of()
                    : List.of(new AutomationLimitReached(caseId, facts.text(CaseFacts.NUMBER), rule.id,
                            settings.maxFiringsPerCase(), settings.window().toString(), now));
            return new Firing(outcomes, true, true, List.of(), events);
        }
        RuleActions.Run run = new RuleActions.Run(history, rule.id, rule.version, facts, now);
        List<ActionTaken> taken = actions.perform(definition.actions(), run);
        List<CaseEvent> events = new ArrayList<>();
        events.add(new AutomationRuleFired(caseId, facts.text(CaseFacts.NUMBER), rule.id, rule.version, trigger, taken,
                now));
        events.addAll(run.events());
        return new Firing(outcomes, hold, limited, taken, events);
    }

    /** The approver approves: the held actions run now, as the rule that asked, after the decision. */
    @Transactional
    @RetryOnConflict
    public CaseApproval approve(UUID approvalId, Caller caller) {
        return decideApproval(approvalId, caller, (requested, history, now) -> {
            RuleActions.Run run = new RuleActions.Run(history, requested.ruleId(), requested.ruleVersion(),
                    factsReader.read(requested.caseId(), now).orElseThrow(), now);
            JsonNode held = JSON.valueToTree(requested.actions());
            List<RuleAction> heldActions = RuleParser.lenient().actions(held, "actions", true);
            List<ActionTaken> taken = actions.perform(heldActions, run);
            List<CaseEvent> events = new ArrayList<>();
            events.add(new CaseApprovalGranted(requested.caseId(), requested.number(), approvalId, requested.ruleId(),
                    caller.id(), taken, now));
            events.addAll(run.events());
            return events;
        });
    }

    /** The approver refuses: the held actions never run. */
    @Transactional
    @RetryOnConflict
    public CaseApproval deny(UUID approvalId, String reason, Caller caller) {
        return decideApproval(approvalId, caller, (requested, history, now) -> List.of(new CaseApprovalDenied(
                requested.caseId(), requested.number(), approvalId, requested.ruleId(), caller.id(), reason, now)));
    }

    private CaseApproval decideApproval(UUID approvalId, Caller caller, Decision decision) {
        CaseApproval approval = CaseApproval.<CaseApproval>findByIdOptional(approvalId)
                .orElseThrow(() -> new NotFoundException("No approval " + approvalId));
        if (!caller.isSelf(approval.approverId)) {
            throw new ForbiddenException("Only " + approval.approverId + " decides approval " + approvalId);
        }
        streams.decideOnHistory(approval.caseId, history -> {
            AutomationLog log = AutomationLog.of(history);
            CaseApprovalRequested requested = log.pendingApproval(approvalId).orElseThrow(
                    () -> new CommandRejectedException("Approval " + approvalId + " was "
                            + log.decision(approvalId).orElse("decided") + " already"));
            return decision.events(requested, history, clock.now());
        });
        return CaseApproval.findById(approvalId);
    }

    private Optional<List<CaseEvent>> history(UUID caseId) {
        List<CaseEvent> history = store.load(caseId.toString(), CaseCommands.TYPES);
        return history.isEmpty() ? Optional.empty() : Optional.of(history);
    }

    @FunctionalInterface
    private interface Decision {
        List<CaseEvent> events(CaseApprovalRequested requested, List<CaseEvent> history, Instant now);
    }

    /**
     * A case event as the automation consumer received it: its id, type, case, payload and time.
     */
    public record SeenCaseEvent(UUID eventId, String type, UUID caseId, JsonNode data, Instant at) {

        /** Who caused it, as the event names them ({@code by}, {@code assignedBy}, {@code authorId}). */
        String causedBy() {
            for (String field : List.of("by", "assignedBy", "authorId", "requestedBy")) {
                JsonNode value = data.get(field);
                if (value != null && value.isTextual()) {
                    return value.asText();
                }
            }
            return null;
        }
    }

    /** What a timed rule's deadline carries: the rule and the event its time counted from. */
    public record TimedFiring(String ruleId, String event, UUID eventId) {
    }

    /**
     * One firing, decided: each condition with the case's value and whether it held, whether the actions
     * ran (all conditions held), whether the per-case limit stopped them, what came of each action, and
     * the events that record it all.
     */
    public record Firing(List<Condition.Outcome> conditions, boolean conditionsHold, boolean limited,
            List<ActionTaken> actions, List<CaseEvent> events) {
    }
}
