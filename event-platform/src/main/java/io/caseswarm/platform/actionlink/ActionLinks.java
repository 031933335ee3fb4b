package io.caseswarm.platform.actionlink;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.caseswarm.platform.clock.PlatformClock;

/** Makes and verifies action links with the configured secret, at the platform clock's time. */
@ApplicationScoped
public class ActionLinks {

    private final ActionLinksConfig config;
    private final PlatformClock clock;
    private volatile ActionLinkSigner signer;

    ActionLinks(ActionLinksConfig config, PlatformClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** A token letting {@code personId} do {@code action} on {@code target} once, for the configured time. */
    public String issue(String personId, String action, String target) {
        return signer().sign(new ActionLink(UUID.randomUUID(), personId, action, target,
                clock.now().plus(config.validFor())));
    }

    /** What {@code token} grants now; else an {@link InvalidActionLinkException}. Says nothing about use. */
    public ActionLink verify(String token) {
        return signer().verify(token, clock.now());
    }

    private ActionLinkSigner signer() {
        ActionLinkSigner current = signer;
        if (current == null) {
            current = new ActionLinkSigner(config.secret().orElseThrow(() -> new IllegalStateException(
                    "caseswarm.action-links.secret is not set: this service cannot make or honour action links")));
            signer = current;
        }
        return current;
    }
}
