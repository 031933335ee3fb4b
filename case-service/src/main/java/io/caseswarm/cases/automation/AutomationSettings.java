package io.caseswarm.cases.automation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How far automation may go on one case: {@code caseswarm.automation.*}. */
@ConfigMapping(prefix = "caseswarm.automation")
public interface AutomationSettings {

    /** Rules act only while this is on; off, events pass and nothing fires (saved rules stay). */
    @WithDefault("true")
    boolean enabled();

    /** At most this many rule firings on one case within {@link #window()}; then {@code automation-limit-reached}. */
    @WithDefault("20")
    int maxFiringsPerCase();

    @WithDefault("PT1H")
    Duration window();
}
