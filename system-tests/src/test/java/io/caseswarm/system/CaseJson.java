package io.caseswarm.system;

import com.fasterxml.jackson.databind.JsonNode;

/** What the system tests and benchmarks read out of case-service's answers. */
final class CaseJson {

    private CaseJson() {
    }

    /** Whether {@code GET /cases/{id}} shows the person in a swarm of the case: case-service learns it from events. */
    static boolean isSwarmMember(JsonNode caseView, String personId) {
        for (JsonNode swarm : caseView.path("swarms")) {
            for (JsonNode member : swarm.path("memberIds")) {
                if (personId.equals(member.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
