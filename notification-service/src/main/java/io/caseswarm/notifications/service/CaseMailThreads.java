package io.caseswarm.notifications.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.notifications.config.MailConfig;
import io.caseswarm.notifications.domain.Notice;
import io.caseswarm.notifications.projection.CaseInfo;

/**
 * Keeps the mails about a case in one thread in the customer's mail client, with answers going back to
 * the desk: each mail answers the latest of the case's thread, and names the mailbox the case came in
 * through (or else the support address) as where to reply.
 */
@ApplicationScoped
public class CaseMailThreads {

    private final Optional<String> supportAddress;

    CaseMailThreads(MailConfig config) {
        this.supportAddress = config.replyTo();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MailThreading threadingFor(Notice notice) {
        return threadingFor(notice instanceof Notice.AboutCase about ? about.caseId() : null);
    }

    /** For a notice to the customer of case {@code caseId}; null for any other notice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MailThreading threadingFor(UUID caseId) {
        if (caseId == null) {
            // Invitations go to experts, who answer in Caseswarm, not to the support mailbox.
            return MailThreading.NOT_ABOUT_A_CASE;
        }
        CaseInfo info = CaseInfo.findById(caseId);
        if (info == null) {
            // Its case-opened never arrived: no thread to continue, but answers still belong to the desk.
            return new MailThreading(supportAddress.orElse(null), List.of());
        }
        String replyTo = info.replyTo != null ? info.replyTo : supportAddress.orElse(null);
        return new MailThreading(replyTo, info.mailThread);
    }

    /** Called once the SMTP server took the mail: the case's next mail answers this one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(Notice notice, String messageId) {
        sent(notice instanceof Notice.AboutCase about ? about.caseId() : null, messageId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(UUID caseId, String messageId) {
        if (caseId != null && CaseInfo.findById(caseId) instanceof CaseInfo info) {
            info.addToMailThread(messageId);
        }
    }
}
