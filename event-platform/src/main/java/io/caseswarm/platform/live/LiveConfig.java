package io.caseswarm.platform.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service follows its own event store for live clients (Server-Sent Events), and how it treats them. */
@ConfigMapping(prefix = "caseswarm.live")
public interface LiveConfig {

    /**
     * The longest the tail sleeps on LISTEN before it reads the store anyway: a safety net for a NOTIFY lost
     * with a dropped connection. Appends normally wake it at once.
     */
    @WithDefault("1s")
    Duration sweep();

    /**
     * How often the tail looks again while a hole in the store's positions waits for its transaction to end
     * (committed: delivered in order; rolled back: passed over).
     */
    @WithDefault("100ms")
    Duration gapRecheck();

    /**
     * A hole still open after this long is passed over even though a transaction that may fill it has not
     * ended: one stuck transaction must not stop every live client. Its event, if it ever commits, reaches
     * clients that reconnect from before it, not the live ones.
     */
    @WithDefault("30s")
    Duration gapGiveUp();

    /** Events one read of the store takes. */
    @WithDefault("500")
    int batchSize();

    /** Events waiting for one client; a client that falls this far behind is dropped (and may resume). */
    @WithDefault("256")
    int clientBuffer();

    /** A comment line sent to a quiet client this often, so that proxies keep the connection open. */
    @WithDefault("15s")
    Duration heartbeat();
}
