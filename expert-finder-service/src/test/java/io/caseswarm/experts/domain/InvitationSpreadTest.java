package io.caseswarm.experts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Gini coefficient of invitation counts, against figures worked out by hand. */
class InvitationSpreadTest {

    @Test
    void everyoneAskedEquallyIsZero() {
        assertThat(InvitationSpread.gini(new long[] { 3, 3, 3, 3 })).isZero();
    }

    @Test
    void oneOfFourAskedForEverythingIsThreeQuarters() {
        // Ascending 0,0,0,4: 2·(4·4)/(4·4) − 5/4 = 0.75, whatever the order given.
        assertThat(InvitationSpread.gini(new long[] { 0, 4, 0, 0 })).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void aStaircaseIsInBetween() {
        // 0,1,2,3: 2·(0+2+6+12)/(4·6) − 5/4 = 5/12.
        assertThat(InvitationSpread.gini(new long[] { 3, 1, 0, 2 })).isCloseTo(5 / 12.0, within(1e-12));
    }

    @Test
    void nobodyOrNoInvitationsIsZero() {
        assertThat(InvitationSpread.gini(new long[0])).isZero();
        assertThat(InvitationSpread.gini(new long[] { 0, 0 })).isZero();
    }
}
