package io.caseswarm.swarms.inbox;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.live.LiveStreams;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.swarms.service.SwarmCommands;

/**
 * What one person's inbox shows, by the store's position: their invitations (and being added), posts that
 * mention them, and everything that happens in the swarms they own or are a member of (invited or joined).
 * It follows the person's swarms as it goes: a swarm they are invited to or come to own is followed from
 * that event on, one they decline, leave, let lapse or hand on is dropped after that event.
 *
 * <p>It starts from the person's swarms at the point the client resumes from (or now), given by
 * {@link #follow} or by feeding it those swarms' earlier events.
 */
final class InboxSelection implements LiveStreams.Selection {

    private final String personId;
    private final Set<String> swarms = new HashSet<>();

    InboxSelection(String personId) {
        this.personId = personId;
    }

    /** The person owns or is in {@code swarm} now. */
    void follow(UUID swarm) {
        swarms.add(swarm.toString());
    }

    @Override
    public boolean mayConcern(StoredEvent event) {
        return SwarmCommands.STREAM_TYPE.equals(event.streamType());
    }

    @Override
    public long idOf(StoredEvent event) {
        JsonNode data = event.data();
        String swarm = event.streamId();
        boolean aboutMe = personId.equals(data.path("personId").asText(null));
        switch (event.type()) {
            case "swarm-requested", "swarm-owner-changed" -> {
                if (personId.equals(data.path("ownerId").asText(null))) {
                    swarms.add(swarm);
                }
            }
            case "swarm-member-invited", "swarm-member-added", "swarm-member-joined" -> {
                if (aboutMe) {
                    swarms.add(swarm);
                }
            }
            default -> {
            }
        }
        boolean shown = swarms.contains(swarm) || mentionsMe(event);
        if (leavesMe(event.type(), data, aboutMe)) {
            swarms.remove(swarm);
        }
        return shown ? event.position() : -1;
    }

    private boolean mentionsMe(StoredEvent event) {
        if (!"swarm-post-added".equals(event.type())) {
            return false;
        }
        for (JsonNode mentioned : event.data().path("mentions")) {
            if (personId.equals(mentioned.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean leavesMe(String type, JsonNode data, boolean aboutMe) {
        return switch (type) {
            case "swarm-member-declined", "swarm-member-left", "swarm-member-expired" -> aboutMe;
            case "swarm-owner-changed" -> personId.equals(data.path("previousOwnerId").asText(null));
            default -> false;
        };
    }
}
