package io.caseswarm.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.caseswarm.cases.domain.CaseEvent.CaseAssigned;
import io.caseswarm.cases.domain.CaseEvent.CaseClosed;
import io.caseswarm.cases.domain.CaseEvent.CaseGroupChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseLinked;
import io.caseswarm.cases.domain.CaseEvent.CaseMerged;
import io.caseswarm.cases.domain.CaseEvent.CaseMessageAdded;
import io.caseswarm.cases.domain.CaseEvent.CaseOpened;
import io.caseswarm.cases.domain.CaseEvent.CaseReopened;
import io.caseswarm.cases.domain.CaseEvent.CaseResolved;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaApplied;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaBreached;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaMet;
import io.caseswarm.cases.domain.CaseEvent.CaseSlaWarning;
import io.caseswarm.cases.domain.CaseEvent.CaseStatusChanged;
import io.caseswarm.cases.domain.CaseEvent.CaseUpdated;
import io.caseswarm.cases.domain.CaseEvent.FieldChange;
import io.caseswarm.platform.rest.CommandRejectedException;

/**
 * The case aggregate. Its methods decide: they check a command against the case's state and return
 * the events it causes, changing nothing. {@link #apply} is the only place state changes.
 *
 * <p>The rule that makes this swarming rather than tiered support: a case has one owner from the
 * moment it is assigned until it is resolved. The owner may hand it on, or a lead move it, but it is
 * never escalated up a tier: help comes to the case as a swarm.
 *
 * <p>Its status follows the state machine of {@link CaseStatus#next()}; a move outside it is refused
 * naming both states. Its {@link CaseFields} (priority, product, category, tags, custom fields) change
 * while it is worked and after it is resolved, when a desk still tidies its category for reporting;
 * a closed case keeps them as they were.
 *
 * <p>A case sits in at most one group's queue; it is linked to other cases, each link recorded on both
 * (commands that touch two cases decide on both aggregates and append to both streams in one
 * transaction). A duplicate is merged into its survivor, which closes it.
 */
public final class Case {

    private CaseOpened opened;
    private CaseStatus status;
    private String ownerId;
    private CaseFields fields;
    private Instant resolvedAt;
    private String groupId;
    private final Set<Link> links = new HashSet<>();
    private CaseMerged merged;
    private int attachmentCount;
    private long version;

    private Case() {
    }

    /** Rebuilds a case from its history. */
    public static Case replay(List<? extends CaseEvent> history) {
        Case aggregate = new Case();
        history.forEach(aggregate::apply);
        return aggregate;
    }

    /**
     * The case number is allocated by the caller from a sequence. An owner given on open is assigned at
     * once, which opens the case; without one it stays {@code new}. A group given on open (known to exist)
     * takes the case into its queue, with the event any later move has.
     */
    public static List<CaseEvent> open(OpenCase command, String number, String by, Instant now) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseOpened(command.caseId(), number, command.subject().strip(),
                command.description().strip(), command.customer(),
                command.channel() == null ? Channel.API : command.channel(),
                command.product(),
                command.priority() == null ? Priority.NORMAL : command.priority(),
                now, command.email()));
        if (command.groupId() != null) {
            events.add(new CaseGroupChanged(command.caseId(), number, null, command.groupId(), by, now));
        }
        if (command.ownerId() != null) {
            events.add(new CaseAssigned(command.caseId(), number, command.ownerId(), now, null, by));
        }
        return List.copyOf(events);
    }

    /** A new owner: the first one opens the case; a later one takes it over. */
    public List<CaseEvent> assign(String newOwnerId, String by, Instant now) {
        if (newOwnerId.equals(ownerId)) {
            return List.of();
        }
        if (status != CaseStatus.NEW && !status.isActive()) {
            throw refused("is " + status.label() + "; reopen it before giving it to somebody else");
        }
        return List.of(new CaseAssigned(opened.caseId(), opened.number(), newOwnerId, now, ownerId, by));
    }

    /**
     * A move along the state machine. Resolving needs the fix ({@link #resolve}); reopening a resolved
     * case and closing one are moves too, with their own events.
     */
    public List<CaseEvent> moveTo(CaseStatus to, String reason, String by, Instant now) {
        if (to == status) {
            return List.of();
        }
        requireMove(to);
        if (to == CaseStatus.RESOLVED) {
            throw moveRefused(to, "resolving takes the fix (POST /cases/{id}/resolve)");
        }
        if (to == CaseStatus.OPEN && status == CaseStatus.NEW) {
            throw moveRefused(to, "it has no owner, and assigning it opens it");
        }
        return switch (to) {
            case CLOSED -> List.of(new CaseClosed(opened.caseId(), opened.number(), status, reason, by, now));
            case OPEN -> status == CaseStatus.RESOLVED ? reopen(reason, by, now) : List.of(changed(to, reason, by, now));
            default -> List.of(changed(to, reason, by, now));
        };
    }

    /** The fix travels with the product the case is about now, which may not be the one it was opened with. */
    public List<CaseEvent> resolve(Resolution resolution, Instant now) {
        requireMove(CaseStatus.RESOLVED);
        if (ownerId == null) {
            throw refused("has no owner; assign it before resolving");
        }
        return List.of(new CaseResolved(opened.caseId(), opened.number(), opened.subject(), opened.description(),
                fields.product(), opened.customer(), ownerId, resolution, now));
    }

    /** Changes the fields the update names; one event with the fields whose value changes, none if none does. */
    public List<CaseEvent> update(CaseUpdate update, String by, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw refusedAsClosed("its fields stay as they were");
        }
        List<FieldChange> changes = fields.changesTo(update);
        return changes.isEmpty() ? List.of() : List.of(new CaseUpdated(opened.caseId(), opened.number(), changes, by, now));
    }

    /** Staff reopen a resolved case whenever they find the fix did not hold. */
    public List<CaseEvent> reopen(String reason, String by, Instant now) {
        if (status != CaseStatus.RESOLVED) {
            throw moveRefused(CaseStatus.OPEN, "only a resolved case is reopened");
        }
        return List.of(new CaseReopened(opened.caseId(), opened.number(), ownerId, reason, by, now));
    }

    /** The customer reopens their resolved case only within {@code window} of its resolution; after that it is a new case. */
    public List<CaseEvent> reopenByCustomer(String reason, String by, Duration window, Instant now) {
        if (status == CaseStatus.RESOLVED && now.isAfter(resolvedAt.plus(window))) {
            throw refused("was resolved at " + resolvedAt + ", more than " + window.toDays()
                    + " days ago; please open a new case");
        }
        return reopen(reason, by, now);
    }

    /**
     * A message on the case. A customer who answers a case that waits on them opens it again, and one
     * who writes on their resolved case within the window reopens it. Nobody writes on a closed case.
     */
    public List<CaseEvent> addMessage(Message message, Duration reopenWindow, Instant now) {
        if (status == CaseStatus.CLOSED) {
            throw refusedAsClosed("please open a new case");
        }
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseMessageAdded(opened.caseId(), opened.number(), message.messageId(), message.authorId(),
                message.authorRole(), message.visibility(), message.body(), message.attachments(), now,
                message.email()));
        if (message.fromCustomer() && status == CaseStatus.PENDING) {
            events.add(changed(CaseStatus.OPEN, "the customer replied", message.authorId(), now));
        } else if (message.fromCustomer() && status == CaseStatus.RESOLVED) {
            events.addAll(reopenByCustomer("the customer wrote again", message.authorId(), reopenWindow, now));
        }
        return events;
    }

    /** Moves the case to the queue of a group known to exist; the group it is in already is no change. */
    public List<CaseEvent> moveToGroup(String newGroupId, String by, Instant now) {
        if (newGroupId.equals(groupId)) {
            return List.of();
        }
        if (status == CaseStatus.CLOSED) {
            throw refusedAsClosed("it stays in the group it was in");
        }
        return List.of(new CaseGroupChanged(opened.caseId(), opened.number(), groupId, newGroupId, by, now));
    }

    /**
     * Records that this case stands in {@code relation} to {@code other}; the caller records the
     * {@link CaseRelation#inverse() inverse} on the other case the same way. A link made before is no
     * change. A closed case takes no new links, on either side.
     */
    public List<CaseEvent> link(CaseRelation relation, Case other, String by, Instant now) {
        if (other.id().equals(id())) {
            throw refused("is not linked to itself");
        }
        if (links.contains(new Link(relation, other.id()))) {
            return List.of();
        }
        if (status == CaseStatus.CLOSED) {
            throw refusedAsClosed("it takes no new links");
        }
        if (other.status == CaseStatus.CLOSED) {
            throw refused("cannot be linked to " + other.number() + ", which is closed");
        }
        return List.of(new CaseLinked(opened.caseId(), opened.number(), relation, other.id(), other.number(), by, now));
    }

    /**
     * Closes this case as a duplicate of {@code survivor}, where its conversation goes on. The survivor
     * records it with {@code link(DUPLICATED_BY, this)}. Neither case may be closed: a merged survivor is
     * named, so that the duplicate can be merged into the case that survived it.
     */
    public List<CaseEvent> mergeInto(Case survivor, String by, Instant now) {
        if (survivor.id().equals(id())) {
            throw refused("cannot be merged into itself");
        }
        if (status == CaseStatus.CLOSED) {
            throw refusedAsClosed("only a case that is not closed is merged");
        }
        if (survivor.merged != null) {
            throw refused("cannot be merged into " + survivor.number() + ", which was itself merged into "
                    + survivor.merged.intoNumber() + "; merge it into " + survivor.merged.intoNumber());
        }
        if (survivor.status == CaseStatus.CLOSED) {
            throw refused("cannot be merged into " + survivor.number() + ", which is closed");
        }
        return List.of(new CaseMerged(opened.caseId(), opened.number(), status, survivor.id(), survivor.number(), by,
                now));
    }

    /**
     * A message with files. A case holds at most {@code maxFiles} files in all, so that no case fills the
     * store; a message that would take it past that is refused whole.
     */
    public List<CaseEvent> attach(Message message, int maxFiles, Duration reopenWindow, Instant now) {
        List<CaseEvent> events = addMessage(message, reopenWindow, now);
        int adding = message.attachments().size();
        if (attachmentCount + adding > maxFiles) {
            throw refused("holds " + attachmentCount + " of the " + maxFiles + " files a case may have; "
                    + adding + " more do not fit");
        }
        return events;
    }

    private CaseStatusChanged changed(CaseStatus to, String reason, String by, Instant now) {
        return new CaseStatusChanged(opened.caseId(), opened.number(), status, to, reason, by, now);
    }

    private void requireMove(CaseStatus to) {
        if (!status.next().contains(to)) {
            throw moveRefused(to, status == CaseStatus.CLOSED ? "a closed case stays closed" : "not a move a case makes");
        }
    }

    private CommandRejectedException moveRefused(CaseStatus to, String why) {
        return refused("cannot move from " + status.label() + " to " + to.label() + ": " + why);
    }

    /** A closed case refuses; a merged one says where it went on. */
    private CommandRejectedException refusedAsClosed(String consequence) {
        return merged != null
                ? refused("was merged into " + merged.intoNumber() + ", where it goes on; " + consequence)
                : refused("is closed; " + consequence);
    }

    private CommandRejectedException refused(String what) {
        return new CommandRejectedException("Case " + opened.number() + " " + what);
    }

    void apply(CaseEvent event) {
        switch (event) {
            case CaseOpened o -> {
                opened = o;
                status = CaseStatus.NEW;
                fields = CaseFields.of(o);
            }
            case CaseAssigned assigned -> {
                ownerId = assigned.ownerId();
                if (status == CaseStatus.NEW) {
                    status = CaseStatus.OPEN;
                }
            }
            case CaseStatusChanged changed -> status = changed.to();
            case CaseResolved resolved -> {
                status = CaseStatus.RESOLVED;
                resolvedAt = resolved.resolvedAt();
            }
            case CaseReopened reopened -> status = CaseStatus.OPEN;
            case CaseClosed closed -> status = CaseStatus.CLOSED;
            case CaseUpdated updated -> fields = fields.with(updated.changes());
            case CaseGroupChanged moved -> groupId = moved.to();
            case CaseLinked linked -> links.add(new Link(linked.relation(), linked.linkedCaseId()));
            case CaseMerged mergedInto -> {
                merged = mergedInto;
                status = CaseStatus.CLOSED;
                links.add(new Link(CaseRelation.DUPLICATE_OF, mergedInto.into()));
            }
            // The status moves a message causes are events of their own; its files count towards the case's limit.
            case CaseMessageAdded message -> attachmentCount += message.attachments().size();
            // The case's SLA is kept beside it (service.CaseSla): nothing the case decides depends on it.
            case CaseSlaApplied applied -> {
            }
            case CaseSlaWarning warning -> {
            }
            case CaseSlaBreached breached -> {
            }
            case CaseSlaMet met -> {
            }
            // A request from a swarm that was refused: nothing happened to the case.
            case CaseEvent.CaseSwarmActionRefused refused -> {
            }
            // What rules record and ask of others decides nothing about the case itself.
            case CaseEvent.AutomationEvent automation -> {
            }
        }
        version++;
    }

    public UUID id() {
        return opened.caseId();
    }

    public String customerId() {
        return opened.customer().id();
    }

    public CaseStatus status() {
        return status;
    }

    public String number() {
        return opened.number();
    }

    public String ownerId() {
        return ownerId;
    }

    public String groupId() {
        return groupId;
    }

    public CaseFields fields() {
        return fields;
    }

    /** How many events the case has: the expected version for the next append. */
    /** How many more files the case takes before it holds {@code maxFiles}. */
    public int roomForFiles(int maxFiles) {
        return Math.max(0, maxFiles - attachmentCount);
    }

    /** Resolved, and that before {@code instant}. */
    public boolean resolvedBefore(Instant instant) {
        return status == CaseStatus.RESOLVED && resolvedAt.isBefore(instant);
    }

    public long version() {
        return version;
    }

    /** A link as the case decides on it: the number shown with it is the event's business. */
    private record Link(CaseRelation relation, UUID caseId) {
    }
}
