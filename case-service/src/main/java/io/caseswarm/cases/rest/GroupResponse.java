package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;

import io.caseswarm.cases.group.AgentGroup;

/** A group as the API shows it. */
public record GroupResponse(String id, String name, List<String> memberIds, List<String> leadIds, List<String> skills, List<String> products,
        Instant updatedAt, String updatedBy) {

    static GroupResponse of(AgentGroup group) {
        return new GroupResponse(group.id, group.name, group.memberIds, group.leadIds, group.skills, group.products, group.updatedAt,
                group.updatedBy);
    }
}
