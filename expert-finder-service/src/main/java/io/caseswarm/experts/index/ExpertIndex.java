package io.caseswarm.experts.index;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import io.caseswarm.experts.domain.CandidateQuery;
import io.caseswarm.experts.domain.CandidateScoring;
import io.caseswarm.experts.domain.Evidence;
import io.caseswarm.experts.domain.FinderWeights;
import io.caseswarm.experts.domain.Presence;
import io.caseswarm.experts.domain.Profile;
import io.caseswarm.experts.domain.Skill;
import io.caseswarm.experts.domain.SkillTaxonomy;
import io.caseswarm.experts.domain.SolvedCase;

/**
 * The skills/capacity view in memory, built for "the best k people for this request". Each skill has a posting
 * list of the people who declared it or showed it (their level and their evidence); each person's profile, load,
 * fatigue and product experience sit beside them, and the cases they solved sit in {@link SolvedCases}. A query
 * only touches the posting lists of the asked skills and of the skills that count for them (the taxonomy's
 * {@link SkillTaxonomy#sources}), and the solvers of the most similar cases. It computes each touched person's
 * knowledge exactly, bounds their score from above (as if within working hours), sorts the bounds into buckets in
 * one pass, and scores exactly, with {@link CandidateScoring}, only the best buckets until the next cannot beat
 * the k-th best found. So the work grows with the asked skills' lists, not the directory.
 * <p>
 * Evidence fades with a half-life. Rather than fade every sum at every tick, each is kept relative to the index's
 * {@code epoch} (evidence at t weighs w·2^((t − epoch)/half-life)) and a query multiplies by 2^(−(now − epoch)/half-life):
 * one factor for everybody.
 * <p>
 * Thread-safe: queries share a read lock, changes take the write lock.
 */
public final class ExpertIndex {

    /** Buckets of the score bound (0–1); more buckets score fewer people exactly, at the cost of a wider pass. */
    private static final int BUCKETS = Scratch.BUCKETS;
    /** Sums may differ from the scoring's in the last bits: a bound is widened by this much. */
    private static final double SLACK = 1e-9;
    /** How many similar solved cases bring their solvers in. */
    private static final int SIMILAR_CASES = 5;

    private final FinderWeights weights;
    private final Instant epoch;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private String[] ids = new String[1024];
    private Profile[] profiles = new Profile[1024];
    private int[] loads = new int[1024];
    /** Beside each profile, what a query reads of it for every touched person: kept in arrays, not behind it. */
    private double[] presenceWeight = new double[1024];
    private int[] capacity = new int[1024];
    private double[] fatigue = new double[1024];
    private Learned[] learned = new Learned[1024];
    private int size;
    private final Map<String, PostingList> postings = new HashMap<>();
    private final SolvedCases solved = new SolvedCases();
    private volatile SkillTaxonomy taxonomy = SkillTaxonomy.EMPTY;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public ExpertIndex() {
        this(FinderWeights.DEFAULTS, Instant.now());
    }

    /** An index that weighs by {@code weights}, keeping faded sums relative to {@code epoch} (about now). */
    public ExpertIndex(FinderWeights weights, Instant epoch) {
        this.weights = weights;
        this.epoch = epoch;
    }

    public FinderWeights weights() {
        return weights;
    }

    /** Adds the person, or replaces their profile (their load and evidence stay). */
    public void put(String personId, Profile profile) {
        lock.writeLock().lock();
        try {
            int slot = slot(personId);
            if (profiles[slot] != null) {
                for (Skill skill : profiles[slot].skills()) {
                    postings.get(skill.name()).declare(slot, 0);
                }
            }
            profiles[slot] = profile;
            // Offline people are no candidates at all; the weight says so without a look at the profile.
            presenceWeight[slot] = profile.presence() == Presence.OFFLINE ? -1 : profile.presence().weight();
            capacity[slot] = profile.capacity();
            for (Map.Entry<String, Integer> skill : levels(profile).entrySet()) {
                postings.computeIfAbsent(skill.getKey(), name -> new PostingList()).declare(slot, skill.getValue());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The person carries {@code delta} more swarms (fewer when negative); unknown people are remembered too. */
    public void addLoad(String personId, int delta) {
        lock.writeLock().lock();
        try {
            loads[slot(personId)] += delta;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The person carries {@code load} swarms now, as the tables say. */
    public void setLoad(String personId, int load) {
        lock.writeLock().lock();
        try {
            loads[slot(personId)] = load;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Learns one piece of evidence: of knowledge (skills, product), or of fatigue. Learning it twice counts it twice. */
    public void learn(Evidence evidence) {
        lock.writeLock().lock();
        try {
            int slot = slot(evidence.personId());
            if (evidence.kind().expertise()) {
                double weight = evidence.weight() * growth(evidence.at(), weights.evidenceHalfLife());
                for (String skill : evidence.skills()) {
                    postings.computeIfAbsent(skill, name -> new PostingList()).addEvidence(slot, weight);
                }
                if (evidence.product() != null) {
                    learned(slot).products.merge(evidence.product(), weight, Double::sum);
                }
            } else {
                fatigue[slot] += evidence.weight() * growth(evidence.at(), weights.fatigueHalfLife());
            }
            learned(slot).remember(evidence);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A case was resolved (again): its words, and who solved it, for requests like it. */
    public void solved(SolvedCase solvedCase) {
        lock.writeLock().lock();
        try {
            solved.put(solvedCase.caseId(), solvedCase.number(), solvedCase.product(), solvedCase.text(),
                    solvedCase.solvers());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** From now on, skills relate as {@code taxonomy} says. */
    public void taxonomy(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
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
     * The best {@code k} candidates for skills alone, leaving out {@code excluded}, ties alphabetically. With
     * {@code mustHave} (null: anyone) only people who know that skill count.
     */
    public List<Candidate> top(List<String> skills, Set<String> podMembers, Set<String> excluded, String mustHave,
            int k, Instant now) {
        return top(new CandidateQuery(skills, null, null, podMembers, excluded, mustHave, false, null), k, now);
    }

    /** The best {@code k} candidates for the query, best first, each with the evidence for them in words. */
    public List<Candidate> top(CandidateQuery query, int k, Instant now) {
        if (query.skills().isEmpty() || k <= 0) {
            return List.of();
        }
        lock.readLock().lock();
        try {
            Search search = new Search(query, now);
            return search.explained(search.best(k));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Enough of the ranking for {@link io.caseswarm.experts.domain.Staffing#invite} to choose {@code howMany}
     * people exactly as from the whole of it: it takes, in rank order, the best who bring a skill not yet covered,
     * else the best. So the best {@code howMany} overall, and for each skill the best {@code howMany} who know it,
     * hold every pick. Best first.
     */
    public List<Candidate> staffingCandidates(CandidateQuery query, int howMany, Instant now) {
        Map<String, Candidate> enough = new LinkedHashMap<>();
        top(query, howMany, now).forEach(c -> enough.put(c.personId(), c));
        for (String skill : Set.copyOf(query.skills())) {
            top(query.mustHave(skill), howMany, now).forEach(c -> enough.putIfAbsent(c.personId(), c));
        }
        List<Candidate> ranked = new ArrayList<>(enough.values());
        ranked.sort(CandidateScoring.ORDER);
        return ranked;
    }

    /** The skills among {@code skills} that nobody holds, directly or through a skill that counts for them. */
    public List<String> unknown(List<String> skills) {
        SkillTaxonomy related = weights.learning() ? taxonomy : SkillTaxonomy.EMPTY;
        lock.readLock().lock();
        try {
            return skills.stream().distinct().filter(skill -> related.sources(skill).keySet().stream()
                    .noneMatch(source -> postings.containsKey(source) && postings.get(source).size > 0)).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One query's run over the index, under the read lock. */
    private final class Search {
        final CandidateQuery query;
        final Instant now;
        final SkillTaxonomy skillTaxonomy = weights.learning() ? taxonomy : SkillTaxonomy.EMPTY;
        final double evidenceNow;
        final double fatigueNow;
        final Map<String, Integer> times = new LinkedHashMap<>();
        final Map<String, ZonedDateTime> clocks = new HashMap<>();
        final Scratch work = scratch.get().fit(size);
        final Map<Integer, SolvedCases.Like> likeOf = new HashMap<>();

        Search(CandidateQuery query, Instant now) {
            this.query = query;
            this.now = now;
            this.evidenceNow = weights.learning() ? 1 / growth(now, weights.evidenceHalfLife()) : 0;
            this.fatigueNow = 1 / growth(now, weights.fatigueHalfLife());
            query.skills().forEach(skill -> times.merge(skill, 1, Integer::sum));
        }

        List<Candidate> best(int k) {
            if (query.mustHave() != null && !times.containsKey(query.mustHave())) {
                return List.of();
            }
            for (Map.Entry<String, Integer> skill : times.entrySet()) {
                work.beginSkill();
                for (Map.Entry<String, Double> source : skillTaxonomy.sources(skill.getKey()).entrySet()) {
                    PostingList list = postings.get(source.getKey());
                    if (list != null) {
                        work.best(list, source.getValue(), evidenceNow, weights);
                    }
                }
                work.fold(skill.getValue(), skill.getKey().equals(query.mustHave()));
            }
            if (weights.learning() && weights.similarCaseWeight() > 0 && query.text() != null) {
                for (SolvedCases.Like like : solved.mostLike(query.text(), SIMILAR_CASES)) {
                    for (String solver : like.solved().solvers()) {
                        Integer slot = slotOf.get(solver);
                        if (slot != null && like.likeness() > work.similar(slot)) {
                            work.like(slot, like.likeness());
                            likeOf.put(slot, like);
                        }
                    }
                }
            }
            int kept = bound();
            return exact(kept, k);
        }

        /** Keeps the touched people who can be candidates, each with an upper bound of their score and its bucket. */
        private int bound() {
            int[] touched = work.touched;
            double[] bounds = work.bounds;
            int[] bucketOf = work.bucketOf;
            int[] bucketStart = work.bucketStart;
            Arrays.fill(bucketStart, 0);
            int kept = 0;
            for (int i = 0; i < work.touchedCount; i++) {
                int slot = touched[i];
                if (presenceWeight[slot] < 0 || loads[slot] >= capacity[slot]
                        || query.mustHave() != null && !work.hasMustHave(slot)
                        || !query.excluded().isEmpty() && query.excluded().contains(ids[slot])) {
                    continue;
                }
                double skillMatch = work.sum(slot) / query.skills().size();
                double similar = work.similar(slot);
                if (skillMatch <= 0 && similar <= 0) {
                    continue;
                }
                double bound = score(slot, skillMatch, similar, presenceWeight[slot]) + SLACK;
                int bucket = Math.min(BUCKETS - 1, Math.max(0, (int) (bound * (BUCKETS - 1))));
                touched[kept] = slot;
                bounds[kept] = bound;
                bucketOf[kept] = bucket;
                bucketStart[bucket + 1]++;
                kept++;
            }
            return kept;
        }

        private double score(int slot, double skillMatch, double similar, double availability) {
            double knowledge = CandidateScoring.knowledge(skillMatch, similar, productFit(slot), weights);
            return CandidateScoring.score(knowledge, availability, CandidateScoring.room(capacity[slot], loads[slot]),
                    inPod(slot), CandidateScoring.fatigue(fatigue[slot] * fatigueNow, weights), weights);
        }

        private double productFit(int slot) {
            if (query.product() == null || learned[slot] == null || evidenceNow == 0) {
                return 0;
            }
            return CandidateScoring.productFit(
                    learned[slot].products.getOrDefault(query.product(), 0.0) * evidenceNow, weights);
        }

        private boolean inPod(int slot) {
            return !query.podMembers().isEmpty() && query.podMembers().contains(ids[slot]);
        }

        /** Scores exactly from the best bucket down, until no bucket left can beat the k-th best. */
        private List<Candidate> exact(int kept, int k) {
            int[] bucketStart = work.bucketStart;
            for (int b = 0; b < BUCKETS; b++) {
                bucketStart[b + 1] += bucketStart[b];
            }
            int[] order = work.order;
            int[] next = work.next;
            System.arraycopy(bucketStart, 0, next, 0, BUCKETS + 1);
            for (int i = 0; i < kept; i++) {
                order[next[work.bucketOf[i]]++] = i;
            }
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
                    if (best.size() == k && CandidateScoring.rounded(work.bounds[entry]) < best.peek().score()) {
                        continue;
                    }
                    Candidate candidate = candidate(work.touched[entry]);
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

        /** The person's candidacy on their own clock: null on their day off. */
        private Candidate candidate(int slot) {
            Profile profile = profiles[slot];
            ZonedDateTime clock = clocks.computeIfAbsent(profile.timeZone(), zone -> now.atZone(ZoneId.of(zone)));
            if (profile.offOn(clock.toLocalDate(), query.urgent())) {
                return null;
            }
            // The sum again, per asked skill in the asked order and compensated as DoubleStream sums: the score
            // must not depend on the order the posting lists were read in, down to its rounding.
            Map<String, Double> credits = new HashMap<>();
            List<String> matched = new ArrayList<>();
            for (String skill : times.keySet()) {
                Source source = bestSource(slot, skill);
                credits.put(skill, source == null ? 0 : source.credit());
                if (source != null) {
                    matched.add(skill);
                }
            }
            double skillMatch = query.skills().stream().mapToDouble(credits::get).sum() / query.skills().size();
            double similar = work.similar(slot);
            double availability = CandidateScoring.availability(profile, clock.toLocalTime());
            double score = score(slot, skillMatch, similar, availability);
            return new Candidate(ids[slot], profile.name(), profile.email(), profile.chatHandle(), matched,
                    CandidateScoring.rounded(skillMatch), CandidateScoring.rounded(availability),
                    CandidateScoring.rounded(CandidateScoring.room(capacity[slot], loads[slot])), inPod(slot),
                    CandidateScoring.rounded(score), CandidateScoring.rounded(similar),
                    CandidateScoring.rounded(productFit(slot)),
                    CandidateScoring.rounded(CandidateScoring.fatigue(fatigue[slot] * fatigueNow, weights)),
                    List.of(), query.seed() == null ? 0 : CandidateScoring.turn(query.seed(), ids[slot]));
        }

        /** The skill that gives the person most credit for {@code skill} (itself, a synonym, a related one); null: none. */
        private Source bestSource(int slot, String skill) {
            Source best = null;
            for (Map.Entry<String, Double> source : skillTaxonomy.sources(skill).entrySet()) {
                PostingList list = postings.get(source.getKey());
                int at = list == null ? -1 : list.find(slot);
                if (at < 0) {
                    continue;
                }
                double credit = source.getValue()
                        * CandidateScoring.expertise(list.levels[at], list.evidence(at) * evidenceNow, weights);
                if (credit > 0 && (best == null || credit > best.credit())) {
                    best = new Source(source.getKey(), source.getValue(), list.levels[at],
                            list.evidence(at) * evidenceNow, credit);
                }
            }
            return best;
        }

        List<Candidate> explained(List<Candidate> ranked) {
            return ranked.stream().map(candidate -> candidate.withEvidence(notes(slotOf.get(candidate.personId()))))
                    .toList();
        }

        /** Why the person is ranked where they are, in words. */
        private List<String> notes(int slot) {
            List<String> notes = new ArrayList<>();
            for (String skill : times.keySet()) {
                Source source = bestSource(slot, skill);
                if (source == null) {
                    continue;
                }
                String name = source.skill().equals(skill) ? skill
                        : source.skill() + " (counts " + Math.round(source.share() * 100) + "% for " + skill + ")";
                if (source.level() > 0) {
                    notes.add("declared " + name + " at level " + source.level());
                }
                if (source.evidence() > 0 && learned[slot] != null) {
                    notes.addAll(learned[slot].explain(source.skill(), name, now, weights.evidenceHalfLife()));
                }
            }
            SolvedCases.Like like = likeOf.get(slot);
            if (like != null) {
                notes.add("solved " + like.solved().number() + ", a case like this one ("
                        + Math.round(like.likeness() * 100) + "% alike)");
            }
            if (productFit(slot) > 0) {
                notes.add("knows " + query.product() + " from "
                        + learned[slot].count(e -> query.product().equals(e.product()) && e.kind().expertise())
                        + " resolved cases, swarms or articles");
            }
            if (fatigue[slot] * fatigueNow > 0.05 && learned[slot] != null) {
                notes.add(learned[slot].fatigue(now, weights.fatigueHalfLife()));
            }
            return notes;
        }
    }

    record Source(String skill, double share, int level, double evidence, double credit) {
    }

    /** 2^((at − epoch)/halfLife): what evidence at {@code at} weighs relative to the epoch. */
    private double growth(Instant at, Duration halfLife) {
        return Math.pow(2, Duration.between(epoch, at).toMillis() / (double) halfLife.toMillis());
    }

    private int slot(String personId) {
        Integer slot = slotOf.get(personId);
        return slot == null ? newSlot(personId) : slot;
    }

    private Learned learned(int slot) {
        if (learned[slot] == null) {
            learned[slot] = new Learned();
        }
        return learned[slot];
    }

    private int newSlot(String personId) {
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            profiles = Arrays.copyOf(profiles, grown);
            loads = Arrays.copyOf(loads, grown);
            presenceWeight = Arrays.copyOf(presenceWeight, grown);
            capacity = Arrays.copyOf(capacity, grown);
            fatigue = Arrays.copyOf(fatigue, grown);
            learned = Arrays.copyOf(learned, grown);
        }
        ids[size] = personId;
        presenceWeight[size] = -1; // known by their load or evidence only, until their profile comes
        slotOf.put(personId, size);
        return size++;
    }

    /** As the scoring reads them: a skill named twice (stored before the API refused it) counts at its highest. */
    private static Map<String, Integer> levels(Profile profile) {
        Map<String, Integer> levels = new HashMap<>();
        profile.skills().forEach(skill -> levels.merge(skill.name(), skill.level(), Math::max));
        return levels;
    }
}
