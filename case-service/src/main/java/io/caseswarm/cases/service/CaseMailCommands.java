package io.caseswarm.cases.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.caseswarm.cases.attachment.AttachmentLimits;
import io.caseswarm.cases.attachment.AttachmentStore;
import io.caseswarm.cases.attachment.NewAttachment;
import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.customer.CustomerRef;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.Case;
import io.caseswarm.cases.domain.CaseRelation;
import io.caseswarm.cases.domain.CaseStatus;
import io.caseswarm.cases.domain.Customer;
import io.caseswarm.cases.domain.Message;
import io.caseswarm.cases.domain.OpenCase;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.service.CaseStreams.BothCases;

/**
 * The commands mail gives: a case opened by a customer's mail, their answer on it, a note of an
 * automatic mail. Nobody logs in to send a mail, so these act for the mailbox, in the caller's
 * transaction (intake's, which also records the mail as taken in): all or nothing.
 */
@ApplicationScoped
public class CaseMailCommands {

    /** Who writes the notes intake leaves on a case (auto-replies, bounces). */
    public static final String INTAKE = "email-intake";

    private final CaseStreams streams;
    private final CaseNumbers numbers;
    private final CustomerDirectory directory;
    private final AttachmentStore attachments;
    private final int maxFilesPerCase;
    private final Duration reopenWindow;

    CaseMailCommands(CaseStreams streams, CaseNumbers numbers, CustomerDirectory directory,
            AttachmentStore attachments, AttachmentLimits limits,
            @ConfigProperty(name = "caseswarm.cases.reopen-window", defaultValue = "P14D") Duration reopenWindow) {
        this.streams = streams;
        this.numbers = numbers;
        this.directory = directory;
        this.attachments = attachments;
        this.maxFilesPerCase = limits.maxFilesPerCase();
        this.reopenWindow = reopenWindow;
    }

    /**
     * Whether a mail from its customer would still reach the case: not once it is closed, nor once it was
     * resolved longer ago than the reopen window. Such a mail opens a follow-up case instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takesReplies(UUID caseId) {
        Case aggregate = streams.load(caseId);
        Instant windowStart = streams.now().minus(reopenWindow);
        return aggregate.status() != CaseStatus.CLOSED
                && !(aggregate.status() == CaseStatus.RESOLVED && aggregate.resolvedBefore(windowStart));
    }

    /**
     * Opens the case for the sender, found in the directory by address or made there. A group the mailbox
     * names that no longer exists is left out rather than refusing the mail: the case lands in no queue
     * and leads see it among the unassigned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Customer open(OpenCase command, CustomerRef sender) {
        OpenCase landing = command.groupId() != null && AgentGroup.findById(command.groupId()) == null
                ? new OpenCase(command.caseId(), command.subject(), command.description(), command.customer(),
                        command.channel(), command.product(), command.priority(), null, null, command.email())
                : command;
        Customer customer = directory.forCase(sender);
        streams.open(command.caseId(), Case.open(landing.withCustomer(customer), numbers.next(), customer.id(),
                streams.now()));
        return customer;
    }

    /**
     * A message on the case from mail, with as many of its files as the case has room for: {@code message}
     * builds it for that room, so it can say what was left out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(UUID caseId, IntFunction<MailMessage> message) {
        List<NewAttachment> stored = new java.util.ArrayList<>();
        streams.decide(caseId, aggregate -> {
            MailMessage mail = message.apply(aggregate.roomForFiles(maxFilesPerCase));
            stored.clear();
            stored.addAll(mail.files());
            return aggregate.attach(mail.message(), maxFilesPerCase, reopenWindow, streams.now());
        });
        stored.forEach(file -> attachments.put(file.ref().attachmentId(), file.content()));
    }

    /** An internal note for the people working the case: what the mailbox saw that asks nothing of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void note(UUID caseId, String text) {
        Message note = new Message(UUID.randomUUID(), INTAKE, AuthorRole.INTEGRATION, Visibility.INTERNAL, text, List.of());
        streams.decide(caseId, aggregate -> aggregate.status() == CaseStatus.CLOSED ? List.of()
                : aggregate.addMessage(note, reopenWindow, streams.now()));
    }

    /**
     * Links the follow-up case a late answer opened to the case it answers. A closed case takes no links:
     * the follow-up's description names it instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkFollowUp(UUID followUpId, UUID answeredId) {
        Instant now = streams.now();
        streams.decideBoth(followUpId, answeredId, (followUp, answered) -> answered.status() == CaseStatus.CLOSED
                ? new BothCases(List.of(), List.of())
                : new BothCases(followUp.link(CaseRelation.RELATES_TO, answered, INTAKE, now),
                        answered.link(CaseRelation.RELATES_TO, followUp, INTAKE, now)));
    }

    /** A message and the files it carries. */
    public record MailMessage(Message message, List<NewAttachment> files) {
    }

}
