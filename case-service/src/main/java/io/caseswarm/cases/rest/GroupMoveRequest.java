package io.caseswarm.cases.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.caseswarm.cases.group.AgentGroup;

/** The body of {@code POST /cases/{id}/group}: the group whose queue the case moves to. */
public record GroupMoveRequest(@NotNull @Pattern(regexp = AgentGroup.ID_PATTERN, message = AgentGroup.ID_MESSAGE) String groupId) {
}
