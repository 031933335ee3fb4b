package io.caseswarm.experts.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/** An invitation's timeout: for the swarm (aggregate) and the person invited (key). */
@ApplicationScoped
public class InvitationExpiry implements DeadlineHandler {

    public static final String KIND = "invitation-timeout";

    private final StaffingService staffing;

    InvitationExpiry(StaffingService staffing) {
        this.staffing = staffing;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void fire(Deadline deadline) {
        staffing.invitationTimedOut(UUID.fromString(deadline.aggregateId()), deadline.key());
    }
}
