package io.caseswarm.notifications.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "case_info")
public class CaseInfo extends PanacheEntityBase {

    @Id
    public UUID caseId;
    public String number;
    public String subject;
    public String customerId;
    /** The support mailbox the case came in through; null unless it came in by mail. */
    public String replyTo;

    /** The Message-IDs (without angle brackets) of the case's mails, the customer's and ours, oldest first. */
    @ElementCollection
    @CollectionTable(name = "case_mail_thread", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "position")
    @Column(name = "message_id")
    public List<String> mailThread = new ArrayList<>();

    /** Adds a mail to the end of the thread; a mail the thread already holds keeps its place. */
    public void addToMailThread(String messageId) {
        if (!mailThread.contains(messageId)) {
            mailThread.add(messageId);
        }
    }
}
