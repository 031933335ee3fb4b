package io.caseswarm.notifications.projection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The delivery log: one row per notification: sent, failed, held (quiet hours, digest) or suppressed by the
 * recipient's preference, with why it went the way it did.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID notificationId;
    public String recipient;
    public String channel;
    public String template;
    public String subject;
    public String status;
    public String reason;
    public UUID triggeredByEvent;
    public String triggeredByType;
    public Instant at;
}
