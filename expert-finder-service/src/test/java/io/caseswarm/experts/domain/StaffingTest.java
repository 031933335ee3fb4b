package io.caseswarm.experts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.ExpertEvent.ExpertInvited;

/** Given the directory and what a swarm needs, expect these invitations. */
class StaffingTest {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");
    private static final SwarmRequest BILLING_AND_POSTGRES = new SwarmRequest(UUID.randomUUID(), UUID.randomUUID(),
            "ana.lima", List.of("billing", "postgres"), 2, "CS-000042", "Why does the sync stop?", "high", null, null);
    private static final SwarmRequest OF_THE_BILLING_POD = new SwarmRequest(UUID.randomUUID(), UUID.randomUUID(),
            "ana.lima", List.of("billing"), 2, "CS-000043", "Why is the invoice doubled?", "normal", "billing",
            "standard");

    @Test
    void invitesTheBestTeamCoveringTheNeededSkills() {
        List<Candidate> ranked = rank(
                person("raj", Map.of("billing", 5), 3, 0, Presence.AVAILABLE),
                person("omar", Map.of("billing", 4), 3, 0, Presence.AVAILABLE),
                person("mei", Map.of("postgres", 3), 3, 0, Presence.AVAILABLE));

        // omar outscores mei, but mei brings the skill nobody on the team has yet.
        assertThat(invited(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), ranked, 2, NOON)))
                .containsExactly("raj", "mei");
        // Each invitation names the case and the question, for whoever tells the expert.
        assertThat(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), ranked, 2, NOON))
                .allMatch(invitation -> invitation.caseNumber().equals("CS-000042")
                        && invitation.question().equals("Why does the sync stop?"));
    }

    @Test
    void neverInvitesTheOwner() {
        List<Candidate> ranked = rank(
                person("ana.lima", Map.of("billing", 5, "postgres", 5), 3, 0, Presence.AVAILABLE),
                person("raj", Map.of("billing", 2), 3, 0, Presence.AVAILABLE));

        assertThat(invited(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), ranked, 2, NOON))).containsExactly("raj");
    }

    @Test
    void expertAtFullCapacityOrOfflineIsNotACandidate() {
        List<Candidate> ranked = rank(
                person("full", Map.of("billing", 5), 2, 2, Presence.AVAILABLE),
                person("offline", Map.of("billing", 5), 3, 0, Presence.OFFLINE),
                person("raj", Map.of("billing", 1), 3, 2, Presence.BUSY));

        assertThat(ranked).extracting(Candidate::personId).containsExactly("raj");
    }

    @Test
    void declinedInvitationBringsInNextCandidateNotAnyoneAskedBefore() {
        List<Candidate> ranked = rank(
                person("raj", Map.of("billing", 5), 3, 0, Presence.AVAILABLE),
                person("mei", Map.of("postgres", 5), 3, 0, Presence.AVAILABLE),
                person("omar", Map.of("billing", 4), 3, 0, Presence.AVAILABLE));

        assertThat(invited(Staffing.invite(BILLING_AND_POSTGRES, Set.of("raj", "mei"), ranked, 1, NOON)))
                .containsExactly("omar");
        assertThat(Staffing.invite(BILLING_AND_POSTGRES, Set.of("raj", "mei", "omar"), ranked, 1, NOON)).isEmpty();
    }

    @Test
    void scoreWeighsSkillMostThenAvailabilityThenFreeCapacity() {
        Candidate expert = rank(person("raj", Map.of("billing", 5, "postgres", 5), 4, 2, Presence.BUSY)).getFirst();

        assertThat(expert.skillMatch()).isEqualTo(1.0);
        assertThat(expert.availability()).isEqualTo(0.4);
        assertThat(expert.capacity()).isEqualTo(0.5);
        assertThat(expert.score()).isCloseTo(0.6 * 1.0 + 0.25 * 0.4 + 0.15 * 0.5, within(0.001));
    }

    @Test
    void aMemberOfTheSwarmsPodClosesAFifthOfTheGapToAPerfectScore() {
        ExpertSnapshot raj = person("raj", Map.of("billing", 3), 4, 2, Presence.BUSY);
        double outside = CandidateScoring.rank(List.of(raj), List.of("billing"), NOON).getFirst().score();

        Candidate inPod = CandidateScoring.rank(List.of(raj), List.of("billing"), Set.of("raj"), NOON).getFirst();

        assertThat(inPod.inPod()).isTrue();
        assertThat(inPod.score()).isCloseTo(outside + CandidateScoring.POD_BONUS * (1 - outside), within(0.001))
                .isGreaterThan(outside).isLessThanOrEqualTo(1.0);
    }

    @Test
    void thePodsMemberIsPreferredToASlightlyBetterOutsiderButNotToAMuchBetterOne() {
        ExpertSnapshot member = person("mei", Map.of("billing", 4), 3, 0, Presence.AVAILABLE);
        ExpertSnapshot slightlyBetter = person("raj", Map.of("billing", 5), 3, 2, Presence.AVAILABLE);
        ExpertSnapshot muchBetter = person("omar", Map.of("billing", 5), 3, 0, Presence.AVAILABLE);
        ExpertSnapshot weakMember = person("li", Map.of("billing", 1), 3, 2, Presence.AWAY);

        List<Candidate> ranked = CandidateScoring.rank(List.of(member, slightlyBetter, muchBetter, weakMember),
                List.of("billing"), Set.of("mei", "li"), NOON);

        assertThat(CandidateScoring.rank(List.of(member, slightlyBetter), List.of("billing"), NOON))
                .as("without a pod").extracting(Candidate::personId).containsExactly("raj", "mei");
        assertThat(ranked).extracting(Candidate::personId).containsExactly("omar", "mei", "raj", "li");
    }

    @Test
    void anInvitationOutsideTheSwarmsPodIsMarkedCrossPodAndOneToNoPodIsNeither() {
        List<Candidate> ranked = CandidateScoring.rank(List.of(
                person("mei", Map.of("billing", 5), 3, 0, Presence.AVAILABLE),
                person("raj", Map.of("billing", 4), 3, 0, Presence.AVAILABLE)), List.of("billing"), Set.of("mei"), NOON);

        List<ExpertInvited> invitations = Staffing.invite(OF_THE_BILLING_POD, Set.of(), ranked, 2, NOON);

        assertThat(invitations).extracting(ExpertInvited::personId, ExpertInvited::podId, ExpertInvited::crossPod)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mei", "billing", false),
                        org.assertj.core.groups.Tuple.tuple("raj", "billing", true));
        assertThat(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), ranked, 2, NOON))
                .allMatch(invitation -> invitation.podId() == null && invitation.crossPod() == null);
    }

    @Test
    void outsideWorkingHoursInTheirOwnZoneAvailabilityHalves() {
        Profile lisbonNightShift = new Profile("Night", "n@example.com", null, "Europe/Lisbon",
                new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0)), List.of(new Skill("billing", 5)), 3,
                Presence.AVAILABLE);
        ExpertSnapshot night = new ExpertSnapshot("night", lisbonNightShift, 0);

        assertThat(CandidateScoring.rank(List.of(night), List.of("billing"), NOON).getFirst().availability())
                .isEqualTo(0.5);
        assertThat(CandidateScoring.rank(List.of(night), List.of("billing"), Instant.parse("2026-11-22T23:30:00Z"))
                .getFirst().availability()).isEqualTo(1.0);
    }

    @Test
    void aSkillListedTwiceCountsAtItsHigherLevelInsteadOfBreakingTheRanking() {
        Profile twice = new Profile("Twice", "t@example.com", null, "UTC",
                new WorkingHours(LocalTime.MIN, LocalTime.MAX),
                List.of(new Skill("billing", 2), new Skill("Billing", 4), new Skill("postgres", 5)), 3,
                Presence.AVAILABLE);

        Candidate candidate = rank(new ExpertSnapshot("twice", twice, 0)).getFirst();

        assertThat(candidate.skillMatch()).as("billing 4/5 and postgres 5/5").isEqualTo(0.9);
    }

    @Test
    void ofNearEqualsTheLeastAskedLatelyIsAskedButNeverSomeoneClearlyWorse() {
        Candidate tired = candidate("tired", 0.80, 0.6);
        Candidate fresh = candidate("fresh", 0.70, 0.0);
        Candidate weak = candidate("weak", 0.60, 0.0);

        assertThat(invited(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), List.of(tired, fresh, weak), 1, NOON)))
                .as("within %s of the best", Staffing.TURN_BAND).containsExactly("fresh");
        assertThat(invited(Staffing.invite(BILLING_AND_POSTGRES, Set.of(), List.of(tired, weak), 1, NOON)))
                .as("0.2 below the best is no turn").containsExactly("tired");
    }

    private static Candidate candidate(String id, double score, double fatigue) {
        return new Candidate(id, id, id + "@example.com", null, List.of("billing"), 1.0, 1.0, 1.0, false, score, 0, 0,
                fatigue, List.of(), 0);
    }

    private static List<Candidate> rank(ExpertSnapshot... experts) {
        return CandidateScoring.rank(List.of(experts), BILLING_AND_POSTGRES.skills(), NOON);
    }

    @Test
    void aRoundThatFindsNobodyForAnOpenPlaceSaysTheSwarmIsUnstaffedWithItsOpenPlaces() {
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 2, 0, 2, false, NOON)).hasValueSatisfying(unstaffed -> {
            assertThat(unstaffed.openPlaces()).isEqualTo(2);
            assertThat(unstaffed.skills()).containsExactly("billing", "postgres");
            assertThat(unstaffed.ownerId()).isEqualTo("ana.lima");
        });
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 2, 1, 1, false, NOON)).as("found one of two").isPresent();
    }

    @Test
    void itIsSaidOncePerTimeTheSwarmRunsDry() {
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 1, 0, 1, true, NOON)).as("still dry").isEmpty();
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 2, 1, 1, true, NOON))
                .as("somebody was found, so it had stopped being dry, and is dry again").isPresent();
    }

    @Test
    void aSwarmWhoseTeamIsFullOrWhoseRoundFoundEveryoneIsNotUnstaffed() {
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 2, 2, 0, false, NOON)).isEmpty();
        assertThat(Staffing.unstaffed(BILLING_AND_POSTGRES, 1, 0, 0, false, NOON)).as("no place is open").isEmpty();
    }

    private static ExpertSnapshot person(String id, Map<String, Integer> skills, int capacity, int load,
            Presence presence) {
        List<Skill> list = skills.entrySet().stream().map(e -> new Skill(e.getKey(), e.getValue())).toList();
        return new ExpertSnapshot(id, new Profile(id, id + "@example.com", null, "UTC",
                new WorkingHours(LocalTime.MIN, LocalTime.MAX), list, capacity, presence), load);
    }

    private static List<String> invited(List<ExpertInvited> invitations) {
        return invitations.stream().map(ExpertInvited::personId).toList();
    }
}
