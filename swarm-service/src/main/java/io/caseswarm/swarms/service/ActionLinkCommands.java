package io.caseswarm.swarms.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.caseswarm.platform.actionlink.ActionLink;
import io.caseswarm.platform.actionlink.InvalidActionLinkException;
import io.caseswarm.platform.actionlink.InvalidActionLinkException.Reason;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.retry.RetryOnConflict;

/**
 * Carries out what a verified action link from an invitation mail grants, through {@link SwarmCommands}
 * and so by the same rules as the API, and uses the link up in the same transaction. The link's id is
 * recorded first: a second request with the same link waits on the first one's row and then finds it,
 * and a rejected action rolls the record back, leaving the link as it was.
 */
@ApplicationScoped
@RetryOnConflict
public class ActionLinkCommands {

    /** What an invitation mail's links may do; the target is the swarm's id. */
    public static final String JOIN = "join";
    public static final String DECLINE = "decline";

    private final SwarmCommands commands;
    private final EntityManager entities;
    private final PlatformClock clock;

    ActionLinkCommands(SwarmCommands commands, EntityManager entities, PlatformClock clock) {
        this.commands = commands;
        this.entities = entities;
        this.clock = clock;
    }

    /** The swarm a link is about; a link we signed with another target is not one of ours. */
    public static UUID swarmOf(ActionLink link) {
        if (!JOIN.equals(link.action()) && !DECLINE.equals(link.action())) {
            throw new InvalidActionLinkException(Reason.MALFORMED, "This link asks for nothing this service does");
        }
        try {
            return UUID.fromString(link.target());
        } catch (IllegalArgumentException e) {
            throw new InvalidActionLinkException(Reason.MALFORMED, "This link names no swarm");
        }
    }

    @Transactional
    public boolean isUsed(ActionLink link) {
        return entities.createNativeQuery("select 1 from used_action_link where link_id = ?1")
                .setParameter(1, link.id()).getResultList().size() > 0;
    }

    /** Joins or declines as the link's person; {@link LinkUsedException} if the link was used before. */
    @Transactional
    public void carryOut(ActionLink link) {
        UUID swarmId = swarmOf(link);
        int recorded = entities.createNativeQuery("""
                insert into used_action_link (link_id, person_id, action, swarm_id, used_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict (link_id) do nothing""")
                .setParameter(1, link.id()).setParameter(2, link.personId()).setParameter(3, link.action())
                .setParameter(4, swarmId).setParameter(5, clock.now()).executeUpdate();
        if (recorded == 0) {
            throw new LinkUsedException();
        }
        switch (link.action()) {
            case JOIN -> commands.join(swarmId, link.personId());
            case DECLINE -> commands.decline(swarmId, link.personId(), null);
            default -> throw new IllegalStateException("swarmOf lets only join and decline through");
        }
    }

    /** The link was used already; nothing was done. */
    public static class LinkUsedException extends RuntimeException {
        LinkUsedException() {
            super("This link was used already");
        }
    }
}
