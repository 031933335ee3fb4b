package io.caseswarm.swarms.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.deadline.Deadline;
import io.caseswarm.platform.deadline.DeadlineHandler;

/** A swarm's feed has been quiet long enough: its bot posts a reminder ({@link SwarmCommands#remind}). */
@ApplicationScoped
public class SwarmReminders implements DeadlineHandler {

    public static final String KIND = "swarm-reminder";
    /** One reminder deadline per swarm, moved by every post. */
    static final String KEY = "quiet-feed";

    private final SwarmCommands commands;

    SwarmReminders(SwarmCommands commands) {
        this.commands = commands;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void fire(Deadline deadline) {
        commands.remind(UUID.fromString(deadline.aggregateId()), deadline.payload().path("sent").asInt(0));
    }
}
