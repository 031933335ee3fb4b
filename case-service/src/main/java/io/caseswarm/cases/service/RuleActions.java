package io.caseswarm.cases.service;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.cases.automation.AutomationLog;
import io.caseswarm.cases.automation.AutomationRule;
import io.caseswarm.cases.automation.CaseFacts;
import io.caseswarm.cases.automation.RuleAction;
import io.caseswarm.cases.automation.RuleField;
import io.caseswarm.cases.automation.RuleParser;
import io.caseswarm.cases.automation.Templates;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseEvent.ActionTaken;
import io.caseswarm.cases.domain.CaseEvent.CaseApprovalRequested;
import io.caseswarm.cases.domain.CaseEvent.CaseNoticeRequested;
import io.caseswarm.cases.domain.CaseEvent.CaseSwarmPostWanted;
import io.caseswarm.cases.domain.CaseEvent.CaseSwarmWanted;
import io.caseswarm.cases.domain.CaseFields;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.CaseUpdate;
import io.caseswarm.cases.domain.Message;
import io.caseswarm.cases.domain.Tags;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.platform.rest.CommandRejectedException;

/**
 * Does a rule's actions on a case, one after the other, each deciding on the case as the actions before
 * it left it: the case aggregate decides what touches the case itself (priority, status, tags, owner, a
 * reply), and the events that ask other services for something are made here. Nothing is written: the
 * caller appends what a {@link Run} collected, or, for a dry run, only shows it.
 */
@ApplicationScoped
class RuleActions {

    private static final int MAX_BODY = 20_000;
    private static final Set<String> ACTIVE_STATUSES = Set.of("OPEN", "PENDING", "ON_HOLD");

    private final EntityManager entities;
    private final Duration reopenWindow;

    RuleActions(EntityManager entities,
            @ConfigProperty(name = "caseswarm.cases.reopen-window", defaultValue = "P14D") Duration reopenWindow) {
        this.entities = entities;
        this.reopenWindow = reopenWindow;
    }

    /** Does {@code actions} in order on {@code run}'s case; answers what came of each. */
    List<ActionTaken> perform(List<RuleAction> actions, Run run) {
        List<ActionTaken> taken = new ArrayList<>();
        for (RuleAction action : actions) {
            taken.add(perform(action, run));
        }
        return taken;
    }

    private ActionTaken perform(RuleAction action, Run run) {
        try {
            return switch (action) {
                case RuleAction.SetPriority set -> changeFields(run, set.type(),
                        Map.of(CaseFields.PRIORITY, set.priority().label()),
                        "priority " + run.current().fields().priority().label() + " → " + set.priority().label(),
                        "priority is " + set.priority().label() + " already");
                case RuleAction.SetStatus set -> {
                    String from = run.current().status().label();
                    yield done(run, set.type(), run.current().moveTo(set.status(), reasonOf(set, run), run.actor(), run.now()),
                            "status " + from + " → " + set.status().label(), "status is " + from + " already");
                }
                case RuleAction.AddTags add -> addTags(run, add);
                case RuleAction.Assign assign -> assign(run, assign);
                case RuleAction.RequestSwarm swarm -> requestSwarm(run, swarm);
                case RuleAction.Notify notify -> notify(run, notify);
                case RuleAction.PostToSwarm post -> postToSwarm(run, post);
                case RuleAction.Reply reply -> reply(run, reply);
                case RuleAction.RequireApproval approval -> requireApproval(run, approval);
            };
        } catch (CommandRejectedException refused) {
            return new ActionTaken(action.type(), "refused", refused.getMessage());
        }
    }

    private static String reasonOf(RuleAction.SetStatus set, Run run) {
        return set.reason() != null ? set.reason() : "automation rule " + run.ruleId();
    }

    private ActionTaken changeFields(Run run, String type, Map<String, Object> values, String done, String noChange) {
        return done(run, type, run.current().update(new CaseUpdate(values), run.actor(), run.now()), done, noChange);
    }

    private static ActionTaken done(Run run, String type, List<CaseEvent> events, String done, String noChange) {
        if (events.isEmpty()) {
            return new ActionTaken(type, "no-change", noChange);
        }
        run.add(events);
        return new ActionTaken(type, "done", done);
    }

    private ActionTaken addTags(Run run, RuleAction.AddTags add) {
        List<String> tags = Tags.normalized(Stream.concat(run.current().fields().tags().stream(), add.tags().stream())
                .toList());
        if (tags.size() > Tags.MAX) {
            return new ActionTaken(add.type(), "refused", "the case would have more than " + Tags.MAX + " tags");
        }
        return changeFields(run, add.type(), Map.of(CaseFields.TAGS, tags), "added " + String.join(", ", add.tags()),
                "the case has " + String.join(", ", add.tags()) + " already");
    }

    private ActionTaken assign(Run run, RuleAction.Assign assign) {
        String agentId = assign.agentId();
        String how = "";
        if (agentId == null) {
            Optional<AgentGroup> group = assign.groupId() != null
                    ? AgentGroup.<AgentGroup>findByIdOptional(assign.groupId())
                    : coveringGroup(run);
            if (group.isEmpty()) {
                return new ActionTaken(assign.type(), "skipped", assign.groupId() != null
                        ? "no group " + assign.groupId()
                        : "no group covers " + describeProduct(run));
            }
            Optional<Load> least = leastLoaded(group.get().memberIds);
            if (least.isEmpty()) {
                return new ActionTaken(assign.type(), "skipped", "group " + group.get().id + " has no members");
            }
            agentId = least.get().personId();
            how = ", the member of " + group.get().id + " with the fewest active cases (" + least.get().activeCases()
                    + ")";
        }
        String owner = agentId;
        return done(run, assign.type(), run.current().assign(owner, run.actor(), run.now()), "assigned to " + owner + how,
                owner + " owns the case already");
    }

    private ActionTaken requestSwarm(Run run, RuleAction.RequestSwarm swarm) {
        Case current = run.current();
        if (current.status() == CaseStatus.RESOLVED || current.status() == CaseStatus.CLOSED) {
            return new ActionTaken(swarm.type(), "refused", "the case is " + current.status().label());
        }
        if (current.ownerId() == null) {
            return new ActionTaken(swarm.type(), "skipped", "the case has no owner to ask on behalf of");
        }
        List<String> skills = swarm.skills().isEmpty() ? skillsCovering(run) : swarm.skills();
        if (skills.isEmpty()) {
            return new ActionTaken(swarm.type(), "skipped", "no skills given, and no group covering "
                    + describeProduct(run) + " names any");
        }
        run.add(List.of(new CaseSwarmWanted(current.id(), current.number(), current.ownerId(), skills, swarm.teamSize(),
                fill(swarm.question(), run), run.actor(), run.now(), swarm.swarmType())));
        return new ActionTaken(swarm.type(), "done", "asked for a swarm of " + swarm.teamSize() + " for "
                + current.ownerId() + " with " + String.join(", ", skills));
    }

    private ActionTaken notify(Run run, RuleAction.Notify notify) {
        Case current = run.current();
        Set<String> people = new LinkedHashSet<>();
        if (notify.owner() && current.ownerId() != null) {
            people.add(current.ownerId());
        }
        if (notify.leads() && current.groupId() != null) {
            AgentGroup.<AgentGroup>findByIdOptional(current.groupId()).ifPresent(group -> people.addAll(group.leadIds));
        }
        people.addAll(notify.personIds());
        for (String groupId : notify.groupIds()) {
            AgentGroup.<AgentGroup>findByIdOptional(groupId).ifPresent(group -> people.addAll(group.memberIds));
        }
        if (people.isEmpty()) {
            return new ActionTaken(notify.type(), "skipped", "nobody to tell (no owner, no leads, no members)");
        }
        run.add(List.of(new CaseNoticeRequested(current.id(), current.number(), List.copyOf(people),
                fill(notify.subject(), run), fill(notify.text(), run), run.actor(), run.now())));
        return new ActionTaken(notify.type(), "done", "notice to " + String.join(", ", people));
    }

    private ActionTaken postToSwarm(Run run, RuleAction.PostToSwarm post) {
        Case current = run.current();
        boolean open = CaseSwarm.ofCase(current.id()).stream().anyMatch(CaseSwarm::isOpen);
        if (!open) {
            return new ActionTaken(post.type(), "skipped", "the case has no open swarm");
        }
        run.add(List.of(new CaseSwarmPostWanted(current.id(), current.number(), fill(post.text(), run), run.actor(),
                run.now())));
        return new ActionTaken(post.type(), "done", "posted in the case's swarm");
    }

    private ActionTaken reply(Run run, RuleAction.Reply reply) {
        String body = fill(reply.template(), run).strip();
        if (body.isEmpty()) {
            return new ActionTaken(reply.type(), "skipped", "the reply came out empty");
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        Message message = new Message(UUID.randomUUID(), run.actor(), AuthorRole.INTEGRATION, Visibility.PUBLIC, body,
                List.of());
        return done(run, reply.type(), run.current().addMessage(message, reopenWindow, run.now()),
                "replied to the customer", "");
    }

    private ActionTaken requireApproval(Run run, RuleAction.RequireApproval approval) {
        Case current = run.current();
        if (current.status() == CaseStatus.CLOSED) {
            return new ActionTaken(approval.type(), "refused", "the case is closed");
        }
        Optional<CaseApprovalRequested> waiting = AutomationLog.of(run.history()).pendingApprovalOf(run.ruleId());
        if (waiting.isPresent()) {
            // One question at a time: the rule fired again before its approver answered.
            return new ActionTaken(approval.type(), "skipped", "approval " + waiting.get().approvalId()
                    + " of this rule waits for " + waiting.get().approverId() + " already");
        }
        UUID approvalId = UUID.randomUUID();
        String held = String.join(", ", approval.actions().stream().map(RuleAction::type).toList());
        // The approver hears of it through notification-service, like anybody a rule tells something.
        String text = "Automation rule " + run.ruleId() + " asks you to approve " + held + " on " + current.number()
                + (approval.reason() == null ? "" : " (" + approval.reason() + ")") + ". Approve or deny it: POST /approvals/"
                + approvalId + "/approve or /deny.";
        run.add(List.of(new CaseApprovalRequested(current.id(), current.number(), approvalId, run.ruleId(),
                run.ruleVersion(), approval.approverId(), approval.reason(), approval.definitions(), run.actor(),
                run.now()), new CaseNoticeRequested(current.id(), current.number(), List.of(approval.approverId()),
                        current.number() + ": your approval is wanted", text, run.actor(), run.now())));
        return new ActionTaken(approval.type(), "held", "approval " + approvalId + " asks " + approval.approverId()
                + " to approve " + held);
    }

    private static String fill(String template, Run run) {
        return Templates.fill(template, run.facts());
    }

    private static String describeProduct(Run run) {
        String product = run.facts().text(RuleField.PRODUCT);
        return product == null ? "the case (it has no product)" : "product " + product;
    }

    /**
     * The group that covers the case: the first, by id, whose products include the case's; failing that,
     * the first whose skills include one of its tags.
     */
    private static Optional<AgentGroup> coveringGroup(Run run) {
        List<AgentGroup> groups = AgentGroup.list("order by id");
        String product = run.facts().text(RuleField.PRODUCT);
        Optional<AgentGroup> byProduct = groups.stream()
                .filter(group -> product != null && containsIgnoringCase(group.products, product)).findFirst();
        if (byProduct.isPresent()) {
            return byProduct;
        }
        List<String> tags = run.current().fields().tags();
        return groups.stream().filter(group -> tags.stream().anyMatch(tag -> containsIgnoringCase(group.skills, tag)))
                .findFirst();
    }

    /** The skills of every group covering the case's product, each once, as many as a swarm request takes. */
    private static List<String> skillsCovering(Run run) {
        String product = run.facts().text(RuleField.PRODUCT);
        if (product == null) {
            return List.of();
        }
        return AgentGroup.<AgentGroup>list("order by id").stream()
                .filter(group -> containsIgnoringCase(group.products, product))
                .flatMap(group -> group.skills.stream()).distinct().limit(RuleParser.MAX_SKILLS).toList();
    }

    private static boolean containsIgnoringCase(List<String> values, String value) {
        String wanted = value.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(one -> one.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** The member who owns the fewest active cases (open, pending, on hold); the first by id among equals. */
    private Optional<Load> leastLoaded(List<String> members) {
        if (members.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = entities.createNativeQuery("select owner_id, count(*) from case_view"
                + " where owner_id in (:members) and status in (:active) group by owner_id")
                .setParameter("members", members).setParameter("active", ACTIVE_STATUSES).getResultList();
        Map<String, Long> active = new HashMap<>();
        counts.forEach(row -> active.put((String) row[0], ((Number) row[1]).longValue()));
        return members.stream().map(member -> new Load(member, active.getOrDefault(member, 0L)))
                .min(Comparator.comparingLong(Load::activeCases).thenComparing(Load::personId));
    }

    private record Load(String personId, long activeCases) {
    }

    /**
     * One run of actions on a case: its history as loaded, the events the actions so far decided, and
     * who acts, when, on what facts.
     */
    static final class Run {

        private final List<CaseEvent> history;
        private final List<CaseEvent> added = new ArrayList<>();
        private final String ruleId;
        private final int ruleVersion;
        private final CaseFacts facts;
        private final Instant now;
        private Case current;

        Run(List<CaseEvent> history, String ruleId, int ruleVersion, CaseFacts facts, Instant now) {
            this.history = List.copyOf(history);
            this.ruleId = ruleId;
            this.ruleVersion = ruleVersion;
            this.facts = facts;
            this.now = now;
            this.current = Case.replay(history);
        }

        Case current() {
            return current;
        }

        void add(List<CaseEvent> events) {
            added.addAll(events);
            current = Case.replay(Stream.concat(history.stream(), added.stream()).toList());
        }

        List<CaseEvent> events() {
            return List.copyOf(added);
        }

        /** The case's events so far: as loaded, and what this run's actions added. */
        List<CaseEvent> history() {
            return Stream.concat(history.stream(), added.stream()).toList();
        }

        String ruleId() {
            return ruleId;
        }

        int ruleVersion() {
            return ruleVersion;
        }

        String actor() {
            return AutomationRule.actor(ruleId);
        }

        CaseFacts facts() {
            return facts;
        }

        Instant now() {
            return now;
        }

        /** The version the case's stream was loaded at: where the run's events are appended. */
        long loadedVersion() {
            return history.size();
        }
    }
}
