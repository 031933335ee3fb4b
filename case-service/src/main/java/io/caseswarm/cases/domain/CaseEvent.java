package io.caseswarm.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.caseswarm.cases.sla.SlaMilestone;
import io.caseswarm.cases.sla.SlaTerms;
import io.caseswarm.platform.event.EventType;

/**
 * Everything that can happen to a case. Published on {@code case-events}, keyed by the case id. Each
 * event carries what its subscribers need, so that none of them has to call back.
 *
 * <p>A case's status changes only through {@link CaseAssigned} (the first owner opens a new case),
 * {@link CaseStatusChanged}, {@link CaseResolved}, {@link CaseReopened}, {@link CaseClosed} and
 * {@link CaseMerged} (which closes the duplicate): whoever follows those six knows the status.
 */
public sealed interface CaseEvent {

    UUID caseId();

    /** The case's number, as people know it ({@code CS-000042}). */
    String number();

    /**
     * A case arrived. It is {@code new} until it has an owner. {@code email} is the mail it came in (null
     * unless it came in by mail).
     */
    @EventType("case-opened")
    record CaseOpened(UUID caseId, String number, String subject, String description, Customer customer,
            Channel channel, String product, Priority priority, Instant openedAt, MailOrigin email)
            implements CaseEvent {

        public CaseOpened(UUID caseId, String number, String subject, String description, Customer customer,
                Channel channel, String product, Priority priority, Instant openedAt) {
            this(caseId, number, subject, description, customer, channel, product, priority, openedAt, null);
        }
    }

    /**
     * The case got an owner, who keeps it until it is resolved or hands it on. The first owner opens a
     * {@code new} case; {@code previousOwnerId} is null for them. {@code assignedBy} is who decided (null
     * in events from before it was recorded).
     */
    @EventType("case-assigned")
    record CaseAssigned(UUID caseId, String number, String ownerId, Instant assignedAt, String previousOwnerId,
            String assignedBy) implements CaseEvent {
    }

    /** The case moved between new, open, pending and on-hold. */
    @EventType("case-status-changed")
    record CaseStatusChanged(UUID caseId, String number, CaseStatus from, CaseStatus to, String reason, String by,
            Instant changedAt) implements CaseEvent {
    }

    /** The owner resolved the case; carries the problem and the fix for whoever captures knowledge or tells the customer. */
    @EventType("case-resolved")
    record CaseResolved(UUID caseId, String number, String subject, String description, String product,
            Customer customer, String ownerId, Resolution resolution, Instant resolvedAt) implements CaseEvent {
    }

    /** A resolved case is open again, with the same owner: the fix did not hold, or the customer came back. */
    @EventType("case-reopened")
    record CaseReopened(UUID caseId, String number, String ownerId, String reason, String by, Instant reopenedAt)
            implements CaseEvent {
    }

    /** The end: nothing more happens to the case. */
    @EventType("case-closed")
    record CaseClosed(UUID caseId, String number, CaseStatus from, String reason, String by, Instant closedAt)
            implements CaseEvent {
    }

    /**
     * Somebody wrote on the case: the customer, or staff to the customer ({@code public}) or to each other
     * ({@code internal}). {@code email} is the mail the message came in (null unless it did).
     */
    @EventType("case-message-added")
    record CaseMessageAdded(UUID caseId, String number, UUID messageId, String authorId, AuthorRole authorRole,
            Visibility visibility, String body, List<AttachmentRef> attachments, Instant addedAt, MailOrigin email)
            implements CaseEvent {

        public CaseMessageAdded {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public CaseMessageAdded(UUID caseId, String number, UUID messageId, String authorId, AuthorRole authorRole,
                Visibility visibility, String body, List<AttachmentRef> attachments, Instant addedAt) {
            this(caseId, number, messageId, authorId, authorRole, visibility, body, attachments, addedAt, null);
        }
    }

    /**
     * Fields of the case changed after it was opened: priority, product, category, tags or custom fields.
     * Carries only the fields whose value changed, each with its value before and after, so a subscriber
     * needs no earlier state to tell what happened.
     */
    @EventType("case-updated")
    record CaseUpdated(UUID caseId, String number, List<FieldChange> changes, String by, Instant updatedAt)
            implements CaseEvent {

        public CaseUpdated {
            changes = List.copyOf(changes);
        }
    }

    /**
     * The case moved to another group's queue ({@code from} is null for its first group). A group is where
     * a case waits to be taken and who may take it, like its owner is who works it: routing, mailboxes and
     * automation follow these moves, so they are an event of their own rather than a field of
     * {@link CaseUpdated}, which says what the case is about.
     */
    @EventType("case-group-changed")
    record CaseGroupChanged(UUID caseId, String number, String from, String to, String by, Instant changedAt)
            implements CaseEvent {
    }

    /**
     * This case now stands in {@code relation} to another; the other case records the inverse relation
     * in an event of its own. A merge's survivor records {@code duplicated-by} this way.
     */
    @EventType("case-linked")
    record CaseLinked(UUID caseId, String number, CaseRelation relation, UUID linkedCaseId, String linkedNumber,
            String by, Instant linkedAt) implements CaseEvent {
    }

    /**
     * The case was a duplicate of case {@code into} and is merged into it: it is closed (from the status
     * {@code from}), its conversation is shown on the survivor, and the survivor records a
     * {@code duplicated-by} link.
     */
    @EventType("case-merged")
    record CaseMerged(UUID caseId, String number, CaseStatus from, UUID into, String intoNumber, String by,
            Instant mergedAt) implements CaseEvent {
    }

    /**
     * Case-service did not do what somebody asked for from a swarm of the case ({@code swarm-customer-update-requested}:
     * {@code action} {@code notify-customer}; {@code swarm-resolution-requested}: {@code resolve}), because its
     * own rules refused it when it came to it: the case is resolved already, the person may not, the text is
     * not one a message may have. {@code requestId} is the request's. Recorded once, not retried: swarm-service
     * tells the person why. Changes nothing about the case.
     */
    @EventType("case-swarm-action-refused")
    record CaseSwarmActionRefused(UUID caseId, String number, UUID swarmId, UUID requestId, String action,
            String personId, String reason, Instant refusedAt) implements CaseEvent {
    }

    /**
     * What automation rules do on a case beyond changing it through the ordinary events: that a rule fired
     * and why, what it asks of other services (a swarm, a notice, a post in the swarm) and the approvals it
     * waits for. The events a rule's actions cause are ordinary case events with {@code by}
     * {@code automation:<ruleId>}; these say what only automation says. They change nothing the case
     * aggregate decides on.
     */
    sealed interface AutomationEvent extends CaseEvent {
    }

    /**
     * A rule fired on the case: its trigger held, then its conditions, and it did {@code actions} (each
     * with what came of it). Appended in the transaction of the events those actions caused, before them,
     * so the history says why they happened.
     */
    @EventType("automation-rule-fired")
    record AutomationRuleFired(UUID caseId, String number, String ruleId, int ruleVersion, RuleTriggered trigger,
            List<ActionTaken> actions, Instant firedAt) implements AutomationEvent {

        public AutomationRuleFired {
            actions = List.copyOf(actions);
        }
    }

    /**
     * The case had as many rule firings within {@code window} as it may: {@code ruleId} and any rule after
     * it do nothing on the case until older firings leave the window. Recorded once per window.
     */
    @EventType("automation-limit-reached")
    record AutomationLimitReached(UUID caseId, String number, String ruleId, int limit, String window,
            Instant reachedAt) implements AutomationEvent {
    }

    /**
     * A rule asks for a swarm on the case, on behalf of its owner: swarm-service requests it as if the owner
     * had, with {@code requestedBy} naming the rule ({@code automation:<ruleId>}). {@code type} is the swarm
     * type the rule asks for (standard, urgent, backlog); null lets swarm-service decide (and on older events).
     */
    @EventType("case-swarm-wanted")
    record CaseSwarmWanted(UUID caseId, String number, String ownerId, List<String> skills, int teamSize,
            String question, String requestedBy, Instant wantedAt, String type) implements AutomationEvent {

        public CaseSwarmWanted {
            skills = List.copyOf(skills);
        }
    }

    /** A rule asks for {@code text} to be posted in the case's open swarm, by {@code by}. */
    @EventType("case-swarm-post-wanted")
    record CaseSwarmPostWanted(UUID caseId, String number, String text, String by, Instant wantedAt)
            implements AutomationEvent {
    }

    /** A rule asks notification-service to tell these people about the case. */
    @EventType("case-notice-requested")
    record CaseNoticeRequested(UUID caseId, String number, List<String> personIds, String subject, String text,
            String by, Instant requestedAt) implements AutomationEvent {

        public CaseNoticeRequested {
            personIds = List.copyOf(personIds);
        }
    }

    /**
     * A rule holds {@code actions} (their definitions, as the rule had them) until {@code approverId}
     * approves them; a refusal drops them.
     */
    @EventType("case-approval-requested")
    record CaseApprovalRequested(UUID caseId, String number, UUID approvalId, String ruleId, int ruleVersion,
            String approverId, String reason, List<Map<String, Object>> actions, String requestedBy,
            Instant requestedAt) implements AutomationEvent {

        public CaseApprovalRequested {
            actions = List.copyOf(actions);
        }
    }

    /** The approver approved: the held actions ran, in this transaction, with what came of each in {@code actions}. */
    @EventType("case-approval-granted")
    record CaseApprovalGranted(UUID caseId, String number, UUID approvalId, String ruleId, String approverId,
            List<ActionTaken> actions, Instant grantedAt) implements AutomationEvent {

        public CaseApprovalGranted {
            actions = List.copyOf(actions);
        }
    }

    /** The approver refused: the held actions never run. */
    @EventType("case-approval-denied")
    record CaseApprovalDenied(UUID caseId, String number, UUID approvalId, String ruleId, String approverId,
            String reason, Instant deniedAt) implements AutomationEvent {
    }

    /**
     * What set a rule off: the event it waited for ({@code event}, with its id), and for a time trigger how
     * long after it ({@code after}, ISO 8601) in which time ({@code business} or {@code calendar}).
     */
    record RuleTriggered(String event, UUID eventId, String after, String time) {
    }

    /**
     * One action of a rule and what came of it: {@code done}, {@code no-change} (the case was so already),
     * {@code skipped} (nothing to do it with, e.g. no owner), {@code refused} (the case does not allow it
     * now, e.g. closed) or {@code held} (waiting for an approval); {@code detail} says it in words.
     */
    record ActionTaken(String type, String result, String detail) {
    }

    /**
     * The case is held to an SLA policy: the one whose conditions it met when it was opened, at the version
     * it had then. The terms are copied, so a later change to the policy leaves this case as it started.
     * Its milestones count from {@code appliedAt}, the case's opening.
     */
    @EventType("case-sla-applied")
    record CaseSlaApplied(UUID caseId, String number, SlaTerms terms, Instant appliedAt) implements CaseEvent {
    }

    /** A milestone has used its warning share of its time: {@code dueAt} is when it breaches unless met. */
    @EventType("case-sla-warning")
    record CaseSlaWarning(UUID caseId, String number, SlaMilestone milestone, String policyId, Instant dueAt,
            Instant warnedAt) implements CaseEvent {
    }

    /** A milestone's time is up and it is not met. */
    @EventType("case-sla-breached")
    record CaseSlaBreached(UUID caseId, String number, SlaMilestone milestone, String policyId, Instant dueAt,
            Instant breachedAt) implements CaseEvent {
    }

    /** A milestone was met at {@code metAt}: in time when that was by {@code dueAt}, late otherwise. */
    @EventType("case-sla-met")
    record CaseSlaMet(UUID caseId, String number, SlaMilestone milestone, String policyId, Instant dueAt,
            Instant metAt, boolean inTime) implements CaseEvent {
    }

    /**
     * One field's change, by its name in the API ({@code customFields.<name>} for a custom field):
     * {@code from} is null when it had no value, {@code to} when its value was removed; tags are lists.
     */
    record FieldChange(String field, Object from, Object to) {

        public FieldChange {
            from = FieldValues.normalized(from);
            to = FieldValues.normalized(to);
        }
    }

    /** A file on the case, described; its bytes stay in case-service. */
    record AttachmentRef(UUID attachmentId, String name, long size, String contentType, String sha256) {
    }
}
