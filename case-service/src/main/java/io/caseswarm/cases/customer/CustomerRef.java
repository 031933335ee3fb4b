package io.caseswarm.cases.customer;

/** How a case names its customer: by directory id, by e-mail address, or both; the name is how they signed. */
public record CustomerRef(String id, String name, String email) {
}
