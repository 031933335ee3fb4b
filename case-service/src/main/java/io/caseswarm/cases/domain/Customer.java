package io.caseswarm.cases.domain;

/** The customer a case is for, as the channel identified them. */
public record Customer(String id, String name, String email) {
}
