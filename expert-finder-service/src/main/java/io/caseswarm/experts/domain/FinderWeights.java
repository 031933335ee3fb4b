package io.caseswarm.experts.domain;

import java.time.Duration;

/**
 * How the finder weighs what it knows of a person. The service reads them from configuration
 * ({@code caseswarm.finder.*}, defaults in {@link #DEFAULTS}); {@link #BASELINE} turns off everything but declared
 * skills, which is the finder before it learned anything and what offline evaluation compares against.
 *
 * @param evidenceHalfLife how fast learned evidence fades: a credit this old counts half
 * @param evidenceSaturation the evidence (in fresh "helped" credits) that makes a person half an expert; more
 *        evidence approaches, never reaches, a declared level 5
 * @param similarCaseWeight how much having solved a case like this one counts, at a perfect match (0–1)
 * @param productWeight how much experience with the case's product counts (0–1)
 * @param fatigueHalfLife how fast recent invitations and declines stop weighing on a person
 * @param fatigueWeight the share of the score that a very tired person loses at most (0–1)
 * @param fatigueSaturation the recent invitations that cost half of {@code fatigueWeight}
 * @param learning whether evidence, the taxonomy and similar cases count at all
 */
public record FinderWeights(Duration evidenceHalfLife, double evidenceSaturation, double similarCaseWeight,
        double productWeight, Duration fatigueHalfLife, double fatigueWeight, double fatigueSaturation,
        boolean learning) {

    public static final FinderWeights DEFAULTS = new FinderWeights(Duration.ofDays(90), 1.0, 0.4, 0.2,
            Duration.ofDays(14), 0.3, 2.0, true);

    public static final FinderWeights BASELINE = new FinderWeights(Duration.ofDays(90), 1.0, 0, 0,
            Duration.ofDays(14), 0, 2.0, false);
}
