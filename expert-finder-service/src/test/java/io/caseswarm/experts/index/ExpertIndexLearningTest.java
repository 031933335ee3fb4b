package io.caseswarm.experts.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateQuery;
import io.caseswarm.experts.domain.DateRange;
import io.caseswarm.experts.domain.DaysOff;
import io.caseswarm.experts.domain.FinderWeights;
import io.caseswarm.experts.domain.Learning;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.SkillDefinition;
import io.caseswarm.experts.domain.SkillTaxonomy;
import io.caseswarm.experts.domain.WorkingHours;

/** What the index learns and weighs beyond declared skills: evidence, taxonomy, days off, fatigue and turns. */
class ExpertIndexLearningTest {

    /** A Saturday, 12:00 UTC. */
    private static final Instant SATURDAY = Instant.parse("2026-11-21T12:00:00Z");

    private final ExpertIndex index = new ExpertIndex(FinderWeights.DEFAULTS, SATURDAY.minus(Duration.ofDays(400)));

    @Test
    void evidenceAloneMakesACandidateAndFadesWithItsHalfLife() {
        index.put("mei", profile(null, new Skill("knitting", 3)));
        index.learn(Learning.credited(UUID.randomUUID(), "mei", List.of("postgres"), null, 2, true, "CS-000001",
                SATURDAY));

        assertThat(top("postgres", SATURDAY)).extracting(Candidate::personId, Candidate::skillMatch)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mei", 0.5));
        assertThat(top("postgres", SATURDAY.plus(Duration.ofDays(90))).getFirst().skillMatch())
                .as("one half-life later: half a credit, a third of an expert").isEqualTo(0.333);
        assertThat(index.unknown(List.of("postgres", "cobol"))).containsExactly("cobol");
    }

    @Test
    void relatedSkillsGivePartialCreditAndSynonymsFullCredit() {
        index.put("raj", profile(null, new Skill("postgres", 5)));
        index.put("ana", profile(null, new Skill("pg", 4)));
        index.taxonomy(SkillTaxonomy.EMPTY
                .define(new SkillDefinition("sql", List.of(), null, Map.of()))
                .define(new SkillDefinition("postgres", List.of("pg", "postgresql"), "sql", Map.of())));

        List<Candidate> forSql = top("sql", SATURDAY);
        assertThat(forSql).extracting(Candidate::personId).containsExactly("raj", "ana");
        assertThat(forSql.getFirst().skillMatch()).as("a narrower skill counts 0.8").isEqualTo(0.8);
        assertThat(forSql.getFirst().matchedSkills()).containsExactly("sql");
        assertThat(forSql.getFirst().evidence()).containsExactly("declared postgres (counts 80% for sql) at level 5");

        List<Candidate> forPostgresql = top("postgresql", SATURDAY);
        assertThat(forPostgresql).extracting(Candidate::skillMatch).as("synonyms count in full").containsExactly(1.0, 0.8);
        assertThat(index.unknown(List.of("sql"))).isEmpty();
    }

    @Test
    void nobodyIsAskedOnTheirDayOffUnlessTheyOptedInForUrgentSwarms() {
        DaysOff weekdays = new DaysOff(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), List.of(), List.of(), false);
        DaysOff weekdaysButUrgent = new DaysOff(weekdays.workingDays(), List.of(), List.of(), true);
        DaysOff onLeave = new DaysOff(null, List.of(), List.of(new DateRange(LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 27))), false);
        index.put("weekdays", profile(weekdays, new Skill("billing", 5)));
        index.put("urgent-too", profile(weekdaysButUrgent, new Skill("billing", 4)));
        index.put("on-leave", profile(onLeave, new Skill("billing", 5)));
        index.put("every-day", profile(null, new Skill("billing", 1)));

        assertThat(top("billing", SATURDAY)).extracting(Candidate::personId).containsExactly("every-day");
        assertThat(index.top(new CandidateQuery(List.of("billing"), null, null, Set.of(), Set.of(), null, true, null),
                10, SATURDAY)).extracting(Candidate::personId).containsExactly("urgent-too", "every-day");
        assertThat(top("billing", SATURDAY.plus(Duration.ofDays(2)))).as("Monday, still on leave")
                .extracting(Candidate::personId).containsExactly("weekdays", "urgent-too", "every-day");
    }

    @Test
    void recentInvitationsWeighOnAPersonAndFade() {
        index.put("raj", profile(null, new Skill("billing", 5)));
        index.put("mei", profile(null, new Skill("billing", 5)));
        for (int i = 0; i < 2; i++) {
            index.learn(Learning.invited(UUID.randomUUID(), "raj", "CS-00000" + i, SATURDAY));
        }
        index.learn(Learning.declined(UUID.randomUUID(), "raj", "CS-000009", SATURDAY));

        List<Candidate> now = top("billing", SATURDAY);
        assertThat(now).extracting(Candidate::personId).containsExactly("mei", "raj");
        assertThat(now.get(1).fatigue()).as("3 / (3 + 2)").isEqualTo(0.6);
        assertThat(now.get(1).score()).as("loses 0.3 × 0.6 of 1.0").isEqualTo(0.82);
        assertThat(now.get(1).evidence()).contains("asked twice in the last 28 days, declined 1");
        assertThat(top("billing", SATURDAY.plus(Duration.ofDays(140))).get(1).fatigue())
                .as("ten half-lives on").isLessThan(0.002);
    }

    @Test
    void equalScoresTakeTurnsFromRequestToRequestButAlphabeticallyWithoutASeed() {
        for (String id : List.of("ana", "bo", "cy", "di")) {
            index.put(id, profile(null, new Skill("billing", 3)));
        }
        Set<String> firsts = new HashSet<>();
        for (int request = 0; request < 40; request++) {
            firsts.add(index.top(new CandidateQuery(List.of("billing"), null, null, Set.of(), Set.of(), null, false,
                    "swarm-" + request), 1, SATURDAY).getFirst().personId());
        }
        assertThat(firsts).as("each of the four comes first for some request").hasSize(4);
        assertThat(top("billing", SATURDAY)).extracting(Candidate::personId).containsExactly("ana", "bo", "cy", "di");
    }

    private List<Candidate> top(String skill, Instant now) {
        return index.top(List.of(skill), Set.of(), Set.of(), null, 10, now);
    }

    private static Profile profile(DaysOff daysOff, Skill... skills) {
        return new Profile("Person", "p@example.com", null, "UTC", new WorkingHours(LocalTime.MIN, LocalTime.MAX),
                List.of(skills), 4, Presence.AVAILABLE, null, List.of(), daysOff);
    }
}
