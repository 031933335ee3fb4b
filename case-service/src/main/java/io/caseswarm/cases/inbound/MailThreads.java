package io.caseswarm.cases.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.mail.MailSubjects;
import io.caseswarm.cases.mail.ParsedMail;
import io.caseswarm.cases.projection.CaseView;

/**
 * Which case a mail belongs to, the way mail clients thread: a reply names the mails it answers in
 * {@code In-Reply-To} and {@code References}, and every mail the desk received or sent for a case is
 * remembered with it. A mail whose headers name none of them (a client that drops them, a customer who
 * writes anew) still finds its case by the token in its subject, but only from that case's own customer:
 * a token is easy to guess, a Message-ID is not.
 */
@ApplicationScoped
public class MailThreads {

    private final EntityManager entities;

    MailThreads(EntityManager entities) {
        this.entities = entities;
    }

    /** The case the mail answers, followed to the case it was merged into, if it was. */
    public Optional<CaseView> caseAnswered(ParsedMail mail, String senderCustomerId) {
        return byHeaders(mail).or(() -> byToken(mail.subject(), senderCustomerId).map(MailThreads::survivor));
    }

    /** The case a Message-ID belongs to, if any: how a bounce finds the case of the mail that bounced. */
    public Optional<CaseView> caseOf(String messageId) {
        return Optional.ofNullable(messageId).map(id -> CaseMailId.<CaseMailId>findById(id))
                .map(known -> CaseView.<CaseView>findById(known.caseId)).map(MailThreads::survivor);
    }

    /** Remembers that {@code messageId} belongs to the case; a Message-ID already known keeps its case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String messageId, UUID caseId, boolean sent) {
        if (messageId == null || messageId.isBlank()) {
            return;
        }
        entities.createNativeQuery("insert into case_mail_id (message_id, case_id, sent) values (:id, :caseId, :sent)"
                + " on conflict do nothing")
                .setParameter("id", messageId).setParameter("caseId", caseId).setParameter("sent", sent)
                .executeUpdate();
    }

    /** The mail it answers directly first, then the thread from its newest end. */
    private Optional<CaseView> byHeaders(ParsedMail mail) {
        List<String> named = new ArrayList<>(mail.inReplyTo());
        named.addAll(mail.references().reversed());
        return named.stream().map(this::caseOf).flatMap(Optional::stream).findFirst();
    }

    private static Optional<CaseView> byToken(String subject, String senderCustomerId) {
        return MailSubjects.caseNumber(subject)
                .flatMap(number -> CaseView.<CaseView>find("number", number).<CaseView>firstResultOptional())
                .filter(view -> view.customerId != null && view.customerId.equals(senderCustomerId));
    }

    /** A duplicate's conversation lives on in the case it was merged into; so does its mail. */
    private static CaseView survivor(CaseView view) {
        CaseView current = view;
        for (int hops = 0; current.mergedIntoId != null && hops < 10; hops++) {
            CaseView next = CaseView.findById(current.mergedIntoId);
            if (next == null) {
                break;
            }
            current = next;
        }
        return current;
    }
}
