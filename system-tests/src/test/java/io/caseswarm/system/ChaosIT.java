package io.caseswarm.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The chaos suite, small: 12 cases through the whole flow while each service is killed with
 * {@code kill -9} once, the broker is hard-killed once and every service's database path is cut for a
 * few seconds (through a proxy: the shared PostgreSQL server is not touched). Every effect a user
 * would notice must be there exactly once, and nothing may be dead-lettered. The full-size run, and
 * the run that proves the check can fail (de-duplication off), is {@code ./caseswarm chaos}.
 */
class ChaosIT {

    @Test
    void everyEffectHappensExactlyOnceThroughKillsOfEveryServiceTheBrokerAndTheDatabase() {
        ChaosRun.Report report = new ChaosRun(ChaosRun.Settings.of(12, true, ChaosRun.DbFault.PROXY)
                .servicesKilledTogether()).run();
        System.out.println(report.summary());

        assertThat(report.faults()).as("faults injected").hasSize(3);
        assertThat(report.failures()).as(report.summary()).isEmpty();
        assertThat(report.passed()).isTrue();
    }
}
