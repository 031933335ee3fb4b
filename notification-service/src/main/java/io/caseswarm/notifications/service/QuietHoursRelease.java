package io.caseswarm.notifications.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/** A person's quiet hours are over: the notice held for them goes out ({@link Notifier#release}). */
@ApplicationScoped
public class QuietHoursRelease implements DeadlineHandler {

    /** One deadline per held notice, named by the notification's id. */
    public static final String KIND = "notification-release";
    static final String KEY = "quiet-hours";

    private final Notifier notifier;

    QuietHoursRelease(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void fire(Deadline deadline) {
        notifier.release(UUID.fromString(deadline.aggregateId()));
    }
}
