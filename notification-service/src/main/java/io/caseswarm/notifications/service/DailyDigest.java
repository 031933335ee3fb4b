package io.caseswarm.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/** A person's digest time has come: their low-urgency notices go out as one ({@link Notifier#sendDigest}). */
@ApplicationScoped
public class DailyDigest implements DeadlineHandler {

    /** One deadline per contact and digest time: the aggregate is the contact, the key the time it is due. */
    public static final String KIND = "notification-digest";

    private final Notifier notifier;

    DailyDigest(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void fire(Deadline deadline) {
        notifier.sendDigest(deadline.aggregateId());
    }
}
