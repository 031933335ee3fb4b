package io.caseswarm.experts.domain;

/** A person as the finder sees them at one moment: their profile and how many swarms they carry now. */
public record ExpertSnapshot(String personId, Profile profile, int load) {
}
