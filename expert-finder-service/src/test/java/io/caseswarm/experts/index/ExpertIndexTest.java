package io.caseswarm.experts.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.ExpertSnapshot;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.WorkingHours;

/** The index ranks exactly as the plain scan with CandidateScoring does, over many random directories. */
class ExpertIndexTest {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
            "Australia/Sydney");

    @Test
    void givesTheScansTopKInTheScansOrderForRandomDirectoriesAndRequests() {
        Random random = new Random(13);
        for (int directory = 0; directory < 60; directory++) {
            World world = new World(random, 20 + random.nextInt(400), 3 + random.nextInt(30));
            for (int request = 0; request < 40; request++) {
                world.compare(random);
                world.change(random);
            }
        }
    }

    @Test
    void onlyPeopleWhoDeclaredTheSkillThatMustBeHadCount() {
        Random random = new Random(7);
        World world = new World(random, 300, 12);
        for (int request = 0; request < 200; request++) {
            List<String> skills = world.skills(random);
            String mustHave = skills.get(random.nextInt(skills.size()));
            Instant now = world.now(random);
            List<Candidate> expected = CandidateScoring.rank(world.people.values(), skills, Set.of(), now).stream()
                    .filter(c -> c.matchedSkills().contains(mustHave)).limit(3).toList();
            assertThat(withoutNotes(world.index.top(skills, Set.of(), Set.of(), mustHave, 3, now))).isEqualTo(expected);
        }
    }

    @Test
    void aSkillNobodyHasFindsNobody() {
        World world = new World(new Random(1), 50, 5);
        assertThat(world.index.top(List.of("cobol-on-mars"), Set.of(), Set.of(), null, 10, Instant.now())).isEmpty();
    }

    /** The scan ranks alone; the index also says why, which the scan cannot be compared on. */
    private static List<Candidate> withoutNotes(List<Candidate> ranked) {
        return ranked.stream().map(candidate -> candidate.withEvidence(List.of())).toList();
    }

    /** A random directory held twice: as snapshots for the scan, and in the index. */
    private static final class World {
        final Map<String, ExpertSnapshot> people = new HashMap<>();
        final ExpertIndex index = new ExpertIndex();
        final int vocabulary;
        final List<String> ids = new ArrayList<>();

        World(Random random, int size, int vocabulary) {
            this.vocabulary = vocabulary;
            for (int i = 0; i < size; i++) {
                String id = "p" + random.nextInt(size * 3);
                if (!people.containsKey(id)) {
                    ids.add(id);
                }
                set(id, profile(random), random.nextInt(4));
            }
        }

        void set(String id, Profile profile, int load) {
            ExpertSnapshot before = people.get(id);
            index.put(id, profile);
            index.addLoad(id, load - (before == null ? 0 : before.load()));
            people.put(id, new ExpertSnapshot(id, profile, load));
        }

        void compare(Random random) {
            List<String> skills = skills(random);
            Set<String> pod = sample(random, random.nextInt(3) == 0 ? 0 : random.nextInt(ids.size()));
            Set<String> excluded = sample(random, random.nextInt(5));
            int k = 1 + random.nextInt(15);
            Instant now = now(random);
            List<Candidate> expected = CandidateScoring.rank(people.values(), skills, pod, now).stream()
                    .filter(c -> !excluded.contains(c.personId())).limit(k).toList();
            assertThat(withoutNotes(index.top(skills, pod, excluded, null, k, now)))
                    .as("top %d for %s", k, skills).isEqualTo(expected);
        }

        /** A profile or a load changes, as the events keep the index current. */
        void change(Random random) {
            String id = ids.get(random.nextInt(ids.size()));
            ExpertSnapshot current = people.get(id);
            if (random.nextBoolean()) {
                set(id, profile(random), current.load());
            } else {
                set(id, current.profile(), Math.max(0, current.load() + random.nextInt(3) - 1));
            }
        }

        List<String> skills(Random random) {
            List<String> skills = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                // Skewed: low numbers are common; now and then a skill nobody has, or one asked twice.
                skills.add(random.nextInt(10) == 0 ? "unknown-" + i : skill(random));
            }
            return skills;
        }

        String skill(Random random) {
            return "s" + (int) Math.min(vocabulary - 1, Math.abs(random.nextGaussian()) * vocabulary / 3);
        }

        Profile profile(Random random) {
            List<Skill> skills = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                skills.add(new Skill(skill(random), 1 + random.nextInt(5)));
            }
            Presence presence = Presence.values()[random.nextInt(Presence.values().length)];
            LocalTime start = LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30);
            LocalTime end = LocalTime.of(random.nextInt(24), 0);
            return new Profile("Person", "p@example.com", null, ZONES.get(random.nextInt(ZONES.size())),
                    new WorkingHours(start, end), skills, random.nextInt(5), presence);
        }

        Instant now(Random random) {
            return Instant.parse("2026-12-02T00:00:00Z").plusSeconds(random.nextInt(86_400));
        }

        Set<String> sample(Random random, int count) {
            Set<String> sample = new HashSet<>();
            for (int i = 0; i < count; i++) {
                sample.add(ids.get(random.nextInt(ids.size())));
            }
            return sample;
        }
    }
}
