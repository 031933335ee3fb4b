package io.caseswarm.experts.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.caseswarm.experts.domain.InvitationTimeout;

/** Which timeout a swarm's invitations get, from its type and its case's priority, at the defaults. */
class InvitationsConfigTest {

    private final InvitationsConfig defaults = new InvitationsConfig() {
        @Override
        public Timeout timeout() {
            return new Timeout() {
                public Duration urgent() {
                    return Duration.ofMinutes(15);
                }

                public Duration high() {
                    return Duration.ofHours(1);
                }

                public Duration normal() {
                    return Duration.ofHours(2);
                }

                public Duration low() {
                    return Duration.ofHours(8);
                }
            };
        }

        @Override
        public String unknownPriority() {
            return "normal";
        }

        @Override
        public Set<String> inWorkingHours() {
            return Set.of("normal", "low");
        }
    };

    @Test
    void urgentAndHighRunOnTheWallClockNormalAndLowInWorkingHours() {
        assertThat(defaults.timeoutFor("urgent")).isEqualTo(new InvitationTimeout(Duration.ofMinutes(15), false));
        assertThat(defaults.timeoutFor("high")).isEqualTo(new InvitationTimeout(Duration.ofHours(1), false));
        assertThat(defaults.timeoutFor("normal")).isEqualTo(new InvitationTimeout(Duration.ofHours(2), true));
        assertThat(defaults.timeoutFor("low")).isEqualTo(new InvitationTimeout(Duration.ofHours(8), true));
    }

    @Test
    void aSwarmWithoutAPriorityOrWithOneThisServiceDoesNotKnowIsTimedAsNormal() {
        assertThat(defaults.timeoutFor(null)).isEqualTo(new InvitationTimeout(Duration.ofHours(2), true));
        assertThat(defaults.timeoutFor("critical")).isEqualTo(new InvitationTimeout(Duration.ofHours(2), true));
        assertThat(defaults.timeoutFor("URGENT")).isEqualTo(new InvitationTimeout(Duration.ofMinutes(15), false));
    }

    @Test
    void aStandardSwarmIsTimedByItsPriorityAnUrgentOneShortOnTheWallClockAndABacklogOneNever() {
        assertThat(defaults.timeoutFor("standard", "low")).contains(new InvitationTimeout(Duration.ofHours(8), true));
        assertThat(defaults.timeoutFor(null, "high")).as("a swarm from before types")
                .contains(new InvitationTimeout(Duration.ofHours(1), false));
        assertThat(defaults.timeoutFor("urgent", "low")).contains(new InvitationTimeout(Duration.ofMinutes(15), false));
        assertThat(defaults.timeoutFor("backlog", "urgent")).isEmpty();
    }
}
