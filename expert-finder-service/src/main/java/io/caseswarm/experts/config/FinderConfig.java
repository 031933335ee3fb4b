package io.caseswarm.experts.config;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.caseswarm.experts.domain.FinderWeights;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The finder's weights ({@link FinderWeights} says what each means); the defaults are {@link FinderWeights#DEFAULTS}. */
@ConfigMapping(prefix = "caseswarm.finder")
public interface FinderConfig {

    @WithDefault("P90D")
    Duration evidenceHalfLife();

    @WithDefault("1.0")
    double evidenceSaturation();

    @WithDefault("0.4")
    double similarCaseWeight();

    @WithDefault("0.2")
    double productWeight();

    @WithDefault("P14D")
    Duration fatigueHalfLife();

    @WithDefault("0.3")
    double fatigueWeight();

    @WithDefault("2.0")
    double fatigueSaturation();

    /** The weights as the finder uses them. */
    final class Producer {
        @Produces
        @Singleton
        FinderWeights weights(FinderConfig config) {
            if (config.evidenceSaturation() <= 0 || config.fatigueSaturation() <= 0
                    || config.evidenceHalfLife().isNegative() || config.evidenceHalfLife().isZero()
                    || config.fatigueHalfLife().isNegative() || config.fatigueHalfLife().isZero()) {
                throw new IllegalArgumentException("caseswarm.finder: saturations and half-lives must be positive");
            }
            for (double share : new double[] { config.similarCaseWeight(), config.productWeight(),
                    config.fatigueWeight() }) {
                if (share < 0 || share > 1) {
                    throw new IllegalArgumentException("caseswarm.finder: weights must be within 0–1, not " + share);
                }
            }
            return new FinderWeights(config.evidenceHalfLife(), config.evidenceSaturation(),
                    config.similarCaseWeight(), config.productWeight(), config.fatigueHalfLife(),
                    config.fatigueWeight(), config.fatigueSaturation(), true);
        }
    }
}
