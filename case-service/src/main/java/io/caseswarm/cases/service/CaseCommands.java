package io.caseswarm.cases.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.AttachmentStore;
import io.caseswarm.cases.attachment.NewAttachment;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.customer.CustomerRef;
import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.CaseEvent;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.CaseUpdate;
import io.caseswarm.cases.domain.Message;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.platform.event.EventTypes;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.retry.RetryOnConflict;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * Handles the commands on cases. Each runs in one transaction: the aggregate decides the events, the
 * store appends them (which is also how they get published) and the view is updated, all or nothing.
 *
 * <p>Rules about who may act on which case are checked here, against the case's events read in the
 * same transaction, so they never act on a stale view.
 */
@ApplicationScoped
@RetryOnConflict
public class CaseCommands {

    public static final String STREAM_TYPE = "case";
    public static final EventTypes<CaseEvent> TYPES = EventTypes.of(CaseEvent.class);

    private final CaseStreams streams;
    private final CaseNumbers numbers;
    private final CustomerDirectory directory;
    private final AttachmentStore attachments;
    private final int maxFilesPerCase;
    private final Duration reopenWindow;

    CaseCommands(CaseStreams streams, CaseNumbers numbers, CustomerDirectory directory, AttachmentStore attachments,
            AttachmentLimits attachmentLimits,
            @ConfigProperty(name = "caseswarm.cases.reopen-window", defaultValue = "P14D") Duration reopenWindow) {
        this.streams = streams;
        this.numbers = numbers;
        this.directory = directory;
        this.attachments = attachments;
        this.maxFilesPerCase = attachmentLimits.maxFilesPerCase();
        this.reopenWindow = reopenWindow;
    }

    /**
     * Opens the case for the customer {@code customer} names, found in the directory or made there in the
     * same transaction; a customer opening their own case is found by their login. A group named on open
     * must exist (else 400 naming {@code groupId}).
     */
    @Transactional
    public UUID open(OpenCase command, CustomerRef customer, Caller caller) {
        if (command.groupId() != null) {
            AgentGroup.requireExisting("groupId", command.groupId());
        }
        Customer found = caller.isOnlyCustomer() ? directory.forLogin(caller.id(), customer) : directory.forCase(customer);
        streams.open(command.caseId(),
                Case.open(command.withCustomer(found), numbers.next(), caller.id(), streams.now()));
        return command.caseId();
    }

    /**
     * Nobody owns the case yet: an agent takes it for themselves, a lead or a routing system gives it to
     * anyone. Somebody owns it: they hand it on, or a lead moves it.
     */
    @Transactional
    public void assign(UUID caseId, String ownerId, Caller caller) {
        decide(caseId, aggregate -> {
            if (aggregate.ownerId() == null) {
                caller.requireSelfOr(ownerId, Roles.LEAD, Roles.INTEGRATION);
            } else {
                requireOwnerOr(aggregate, caller, "hands it on, or a lead or a routing system reassigns it",
                        Roles.LEAD, Roles.INTEGRATION);
            }
            return aggregate.assign(ownerId, caller.id(), streams.now());
        });
    }

    /** The owner or a lead moves the case along; only a lead closes it. */
    @Transactional
    public void moveTo(UUID caseId, CaseStatus to, String reason, Caller caller) {
        decide(caseId, aggregate -> {
            if (to == CaseStatus.CLOSED && !caller.is(Roles.LEAD)) {
                throw new ForbiddenException("Only a lead closes a case");
            }
            requireOwnerOrLead(aggregate, caller, "changes its status");
            return aggregate.moveTo(to, reason, caller.id(), streams.now());
        });
    }

    /** The owner or a lead reopens a resolved case at any time; its customer within the reopen window. */
    @Transactional
    public void reopen(UUID caseId, String reason, Caller caller) {
        decide(caseId, aggregate -> {
            if (caller.isOnlyCustomer()) {
                return aggregate.reopenByCustomer(reason, caller.id(), reopenWindow, streams.now());
            }
            requireOwnerOrLead(aggregate, caller, "reopens it");
            return aggregate.reopen(reason, caller.id(), streams.now());
        });
    }

    /**
     * The case's owner, or a lead, resolves it. A case without an owner is left to the aggregate to refuse.
     * Only people who were in a swarm of the case may be named as having helped (they are credited for it);
     * anybody else is refused (400 naming {@code helpedBy}).
     */
    @Transactional
    public void resolve(UUID caseId, Resolution resolution, Caller caller) {
        requireSwarmMembers(caseId, resolution.helpedBy());
        decide(caseId, aggregate -> {
            if (aggregate.ownerId() != null) {
                requireOwnerOrLead(aggregate, caller, "resolves it");
            }
            return aggregate.resolve(resolution, streams.now());
        });
    }

    /**
     * As far as swarm-service has told: somebody who joined a second ago may not be known yet, and is
     * refused until they are.
     */
    private static void requireSwarmMembers(UUID caseId, List<String> helpedBy) {
        Set<String> members = CaseSwarm.everMembersOfCase(caseId);
        List<String> strangers = helpedBy.stream().filter(person -> !members.contains(person)).distinct().toList();
        if (!strangers.isEmpty()) {
            throw new InvalidFieldException("helpedBy", String.join(", ", strangers)
                    + (strangers.size() == 1 ? " was" : " were") + " never a member of a swarm on this case");
        }
    }

    /**
     * Changes the case's fields. Who may change which field is decided against the case's owner as its
     * events say, field by field ({@link FieldEditors}).
     */
    @Transactional
    public void update(UUID caseId, CaseUpdate update, Caller caller) {
        decide(caseId, aggregate -> {
            FieldEditors.require(update.fields(), aggregate, caller);
            return aggregate.update(update, caller.id(), streams.now());
        });
    }

    /**
     * Moves the case to another group's queue: its owner, a lead or a routing system (else 403). The group
     * must exist (else 400 naming {@code groupId}).
     */
    @Transactional
    public void moveToGroup(UUID caseId, String groupId, Caller caller) {
        AgentGroup.requireExisting("groupId", groupId);
        decide(caseId, aggregate -> {
            requireOwnerOr(aggregate, caller, "or a lead or a routing system moves it to another group",
                    Roles.LEAD, Roles.INTEGRATION);
            return aggregate.moveToGroup(groupId, caller.id(), streams.now());
        });
    }

    /** Writes on the case in the caller's name and role; answers the new message's id. */
    @Transactional
    public UUID addMessage(UUID caseId, String body, Visibility visibility, Caller caller) {
        Message message = new Message(UUID.randomUUID(), caller.id(), roleOf(caller), visibility, body, List.of());
        decide(caseId, aggregate -> aggregate.addMessage(message, reopenWindow, streams.now()));
        return message.messageId();
    }

    /**
     * Writes a message with files on the case. The files' bytes are kept in the same transaction as the
     * event, so a refused message leaves none behind and a listed file always has its bytes.
     */
    @Transactional
    public UUID attach(UUID caseId, String body, Visibility visibility, List<NewAttachment> files, Caller caller) {
        Message message = new Message(UUID.randomUUID(), caller.id(), roleOf(caller), visibility, body,
                files.stream().map(NewAttachment::ref).toList());
        decide(caseId, aggregate -> aggregate.attach(message, maxFilesPerCase, reopenWindow, streams.now()));
        files.forEach(file -> attachments.put(file.ref().attachmentId(), file.content()));
        return message.messageId();
    }

    /**
     * Records that a request from swarm {@code swarmId} was refused (see {@link SwarmCaseActions}): a fact on
     * the case, published like every case event, so that the person who asked is told why.
     */
    @Transactional
    public void recordSwarmActionRefused(UUID caseId, UUID swarmId, UUID requestId, String action, String personId,
            String reason) {
        decide(caseId, aggregate -> List.of(new CaseEvent.CaseSwarmActionRefused(aggregate.id(), aggregate.number(),
                swarmId, requestId, action, personId, reason, streams.now())));
    }

    /** The role a message is written in: the most senior one the caller holds. */
    private static AuthorRole roleOf(Caller caller) {
        if (caller.isOnlyCustomer()) {
            return AuthorRole.CUSTOMER;
        }
        if (caller.is(Roles.LEAD)) {
            return AuthorRole.LEAD;
        }
        return caller.is(Roles.AGENT) ? AuthorRole.AGENT : AuthorRole.INTEGRATION;
    }

    static void requireOwnerOrLead(Case aggregate, Caller caller, String what) {
        requireOwnerOr(aggregate, caller, "or a lead " + what, Roles.LEAD);
    }

    /** The one object rule most commands share: the case's owner, or somebody holding one of {@code overriding}. */
    private static void requireOwnerOr(Case aggregate, Caller caller, String refusal, String... overriding) {
        if (!caller.isAny(overriding) && !isOwner(aggregate, caller)) {
            throw new ForbiddenException("Only the case's owner" + ownerNamed(aggregate) + " " + refusal);
        }
    }

    private static boolean isOwner(Case aggregate, Caller caller) {
        return aggregate.ownerId() != null && caller.isSelf(aggregate.ownerId());
    }

    /** ", ana.lima," to follow "the case's owner"; nothing when it has none. */
    private static String ownerNamed(Case aggregate) {
        return aggregate.ownerId() == null ? "" : ", " + aggregate.ownerId() + ",";
    }

    private void decide(UUID caseId, Function<Case, List<CaseEvent>> decision) {
        streams.decide(caseId, decision);
    }
}
