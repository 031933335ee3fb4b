package io.caseswarm.experts.rest;

import java.time.Instant;
import java.util.List;

import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;
import io.caseswarm.experts.projection.ExpertProfile;

/** A person as the directory shows them, with how many swarms they carry now, their Slack user and roles. */
public record PersonResponse(String id, String name, String email, String chatHandle, String timeZone,
        WorkingHours workingHours, List<Skill> skills, int capacity, Presence presence, long load,
        Instant updatedAt, String slackUserId, List<String> roles) {

    static PersonResponse of(ExpertProfile p, long load) {
        return new PersonResponse(p.personId, p.name, p.email, p.chatHandle, p.timeZone,
                new WorkingHours(p.workStart, p.workEnd), p.skills, p.capacity, p.presence, load, p.updatedAt,
                p.slackUserId, p.roles);
    }
}
