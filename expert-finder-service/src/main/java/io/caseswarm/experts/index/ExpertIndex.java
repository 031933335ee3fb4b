package io.caseswarm.experts.index;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.caseswarm.experts.domain.Candidate;
import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.ExpertSnapshot;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;

/**
 * The skills/capacity view in memory, built for "the best k people for these skills". Each skill has a posting
 * list of the people who declared it with their level; each person's profile and load sit beside them. A query
 * only touches the posting lists of the skills it asks for: it sums each touched person's levels, bounds their
 * score from above with {@link CandidateScoring#combine} (as if within working hours), sorts the bounds into
 * buckets in one pass, and scores exactly (with {@link CandidateScoring#score}, the one definition of the score)
 * (after a tighter bound on the person's own clock) only the best buckets, until the next bucket cannot beat the k-th best found. So the ranking is the
 * scan's, including ties, while the work grows with the posting lists of the asked skills, not the directory.
 * <p>
 * Thread-safe: queries share a read lock, changes take the write lock.
 */
public final class ExpertIndex {

    /** Buckets of the score bound (0–1); more buckets score fewer people exactly, at the cost of a wider pass. */
    private static final int BUCKETS = 4096;
    /** Our sum of levels may differ from the scoring's in the last bits: a bound is widened by this much. */
    private static final double SLACK = 1e-9;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private String[] ids = new String[1024];
    private Profile[] profiles = new Profile[1024];
    private int[] loads = new int[1024];
    /** Beside each profile, what a query reads of it for every touched person: kept in arrays, not behind it. */
    private double[] presenceWeight = new double[1024];
    private int[] capacity = new int[1024];
    private int size;
    private final Map<String, PostingList> postings = new HashMap<>();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** Adds the person, or replaces their profile (their load stays). */
    public void put(String personId, Profile profile) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(personId);
            if (slot == null) {
                slot = newSlot(personId);
            } else {
                for (Skill skill : profiles[slot].skills()) {
                    postings.get(skill.name()).remove(slot);
                }
            }
            profiles[slot] = profile;
            // Offline people are no candidates at all; the weight says so without a look at the profile.
            presenceWeight[slot] = profile.presence() == Presence.OFFLINE ? -1 : profile.presence().weight();
            capacity[slot] = profile.capacity();
            for (Map.Entry<String, Integer> skill : levels(profile).entrySet()) {
                postings.computeIfAbsent(skill.getKey(), name -> new PostingList()).add(slot, skill.getValue());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The person carries {@code delta} more swarms (fewer when negative); unknown people are remembered too. */
    public void addLoad(String personId, int delta) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(personId);
            loads[slot == null ? newSlot(personId) : slot] += delta;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The person carries {@code load} swarms now, as the tables say. */
    public void setLoad(String personId, int load) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(personId);
            loads[slot == null ? newSlot(personId) : slot] = load;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The best {@code k} candidates for {@code skills} as {@link CandidateScoring#rank} orders them, leaving out
     * {@code excluded}. With {@code mustHave} (null: anyone) only people who declared that skill count.
     */
    public List<Candidate> top(List<String> skills, Set<String> podMembers, Set<String> excluded, String mustHave,
            int k, Instant now) {
        if (skills.isEmpty() || k <= 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            return search(skills, podMembers, excluded, mustHave, k, now);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<Candidate> search(List<String> skills, Set<String> podMembers, Set<String> excluded, String mustHave,
            int k, Instant now) {
        Map<String, Integer> times = new LinkedHashMap<>();
        skills.forEach(skill -> times.merge(skill, 1, Integer::sum));
        Scratch work = scratch.get().fit(size);
        if (mustHave != null && !times.containsKey(mustHave)) {
            return List.of();
        }
        for (Map.Entry<String, Integer> skill : times.entrySet()) {
            PostingList list = postings.get(skill.getKey());
            if (list != null) {
                work.accumulate(list, skill.getValue());
            }
        }
        int[] touched = work.touched;
        int count = work.touchedCount;
        double[] bounds = work.bounds;
        int[] bucketOf = work.bucketOf;
        int[] bucketStart = work.bucketStart;
        Arrays.fill(bucketStart, 0);
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int slot = touched[i];
            if (presenceWeight[slot] < 0 || loads[slot] >= capacity[slot]
                    || mustHave != null && !declares(profiles[slot], mustHave)
                    || !excluded.isEmpty() && excluded.contains(ids[slot])) {
                continue;
            }
            double skillMatch = work.levelSum(slot) / 5.0 / skills.size();
            double bound = CandidateScoring.combine(skillMatch, presenceWeight[slot],
                    CandidateScoring.room(capacity[slot], loads[slot]),
                    !podMembers.isEmpty() && podMembers.contains(ids[slot])) + SLACK;
            int bucket = Math.min(BUCKETS - 1, Math.max(0, (int) (bound * (BUCKETS - 1))));
            touched[kept] = slot;
            bounds[kept] = bound;
            bucketOf[kept] = bucket;
            bucketStart[bucket + 1]++;
            kept++;
        }
        // Counting sort of the kept people by bucket, best bucket last in the array order we walk backwards.
        for (int b = 0; b < BUCKETS; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        int[] order = work.order;
        int[] next = work.next;
        System.arraycopy(bucketStart, 0, next, 0, BUCKETS + 1);
        for (int i = 0; i < kept; i++) {
            order[next[bucketOf[i]]++] = i;
        }
        Map<String, LocalTime> localTimes = new HashMap<>();
        PriorityQueue<Candidate> best = new PriorityQueue<>(k + 1, CandidateScoring.ORDER.reversed());
        for (int b = BUCKETS - 1; b >= 0; b--) {
            if (bucketStart[b] == bucketStart[b + 1]) {
                continue;
            }
            double bucketBound = (b + 1) / (double) (BUCKETS - 1) + SLACK;
            if (best.size() == k && CandidateScoring.rounded(bucketBound) < best.peek().score()) {
                break;
            }
            for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                int entry = order[i];
                if (best.size() == k && CandidateScoring.rounded(bounds[entry]) < best.peek().score()) {
                    continue;
                }
                int slot = touched[entry];
                // The bound assumed working hours; with the person's own clock it is (nearly) their score.
                Profile profile = profiles[slot];
                LocalTime local = localTimes.computeIfAbsent(profile.timeZone(),
                        zone -> now.atZone(ZoneId.of(zone)).toLocalTime());
                boolean inPod = !podMembers.isEmpty() && podMembers.contains(ids[slot]);
                double tight = CandidateScoring.combine(work.levelSum(slot) / 5.0 / skills.size(),
                        CandidateScoring.availability(profile, local), CandidateScoring.room(capacity[slot], loads[slot]),
                        inPod) + SLACK;
                if (best.size() == k && CandidateScoring.rounded(tight) < best.peek().score()) {
                    continue;
                }
                Candidate candidate = CandidateScoring.score(new ExpertSnapshot(ids[slot], profiles[slot], loads[slot]),
                        skills, inPod, now);
                if (candidate == null) {
                    continue;
                }
                best.add(candidate);
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(best);
        ranked.sort(CandidateScoring.ORDER);
        return ranked;
    }

    private static boolean declares(Profile profile, String skill) {
        for (Skill declared : profile.skills()) {
            if (declared.name().equals(skill)) {
                return true;
            }
        }
        return false;
    }

    private int newSlot(String personId) {
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            profiles = Arrays.copyOf(profiles, grown);
            loads = Arrays.copyOf(loads, grown);
            presenceWeight = Arrays.copyOf(presenceWeight, grown);
            capacity = Arrays.copyOf(capacity, grown);
        }
        ids[size] = personId;
        presenceWeight[size] = -1; // known by their load only, until their profile comes
        slotOf.put(personId, size);
        return size++;
    }

    /** As the scoring reads them: a skill named twice (stored before the API refused it) counts at its highest. */
    private static Map<String, Integer> levels(Profile profile) {
        Map<String, Integer> levels = new HashMap<>();
        profile.skills().forEach(skill -> levels.merge(skill.name(), skill.level(), Math::max));
        return levels;
    }

    /** The people who declared one skill, with their level; unordered (a query reads the whole list). */
    private static final class PostingList {
        int[] slots = new int[8];
        byte[] levels = new byte[8];
        int size;

        void add(int slot, int level) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                levels = Arrays.copyOf(levels, size * 2);
            }
            slots[size] = slot;
            levels[size] = (byte) level;
            size++;
        }

        void remove(int slot) {
            for (int i = 0; i < size; i++) {
                if (slots[i] == slot) {
                    size--;
                    slots[i] = slots[size];
                    levels[i] = levels[size];
                    return;
                }
            }
        }
    }

    /**
     * One thread's working arrays, sized to the directory and reused from query to query. Each person's sum of
     * levels shares one int with the number of the query that wrote it (upper 16 bits), so this query's sums are
     * told from the last one's without clearing anything, and a posting costs one array access, not two.
     */
    private static final class Scratch {
        private static final int LAST_STAMP = Short.MAX_VALUE;
        int stamp;
        int[] sums = new int[0];
        int[] touched = new int[0];
        int touchedCount;
        double[] bounds = new double[0];
        int[] bucketOf = new int[0];
        int[] order = new int[0];
        final int[] bucketStart = new int[BUCKETS + 1];
        final int[] next = new int[BUCKETS + 1];

        Scratch fit(int people) {
            if (sums.length < people) {
                int length = Math.max(people, sums.length * 2);
                sums = new int[length];
                touched = new int[length];
                bounds = new double[length];
                bucketOf = new int[length];
                order = new int[length];
                stamp = 0;
            }
            if (++stamp > LAST_STAMP) {
                Arrays.fill(sums, 0);
                stamp = 1;
            }
            touchedCount = 0;
            return this;
        }

        /** At most 50 skills of level 5, each asked at most 50 times: far below 16 bits. */
        int levelSum(int slot) {
            return sums[slot] & 0xFFFF;
        }

        void accumulate(PostingList list, int times) {
            int[] slots = list.slots;
            byte[] levels = list.levels;
            int tag = stamp << 16;
            for (int i = 0, n = list.size; i < n; i++) {
                int slot = slots[i];
                int sum = sums[slot];
                if ((sum & 0xFFFF0000) != tag) {
                    sum = tag;
                    touched[touchedCount++] = slot;
                }
                sums[slot] = sum + times * levels[i];
            }
        }
    }
}
