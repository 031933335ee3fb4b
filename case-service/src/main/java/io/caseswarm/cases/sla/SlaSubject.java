package io.caseswarm.cases.sla;

/** What of a case picks its SLA policy, by the names the API uses ({@code high}, {@code email}); null when it has none. */
public record SlaSubject(String priority, String product, String tier, String channel) {
}
