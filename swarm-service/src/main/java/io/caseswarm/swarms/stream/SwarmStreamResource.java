package io.caseswarm.swarms.stream;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.caseswarm.platform.live.LastEventId;
import io.caseswarm.platform.live.LiveStreams;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.swarms.projection.SwarmView;
import io.quarkus.security.ForbiddenException;

/**
 * A swarm's room, live: every event of the swarm (posts, members coming and going, its status) as Server-Sent
 * Events, {@code id:} the event's version in the swarm's stream, as {@code GET /swarms/{id}/history} numbers
 * them. A client that gives no {@code Last-Event-ID} gets the whole history first, so one request shows the
 * room as it is and then as it changes; one that gives an id gets what came after it.
 */
@Path("/swarms/{id}/stream")
public class SwarmStreamResource {

    static final String STREAM = "swarm";

    private final LiveStreams live;
    private final EventStore store;
    private final Caller caller;

    SwarmStreamResource(LiveStreams live, EventStore store, Caller caller) {
        this.live = live;
        this.store = store;
        this.caller = caller;
    }

    /**
     * Agent, expert, lead: whoever may read the feed (the owner, members invited or joined, leads), checked
     * before the stream opens; somebody who loses the right later is refused on their next reconnect.
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD })
    public void stream(@PathParam("id") UUID id, @HeaderParam(LastEventId.HEADER) String lastEventHeader,
            @QueryParam(LastEventId.PARAMETER) String lastEventParameter, @Context SseEventSink sink,
            @Context Sse sse) {
        SwarmView swarm = SwarmView.findById(id);
        if (swarm == null) {
            throw new NotFoundException("No swarm " + id);
        }
        if (!swarm.feedReadableBy(caller)) {
            throw new ForbiddenException(caller.id() + " is neither the owner nor a member of this swarm");
        }
        OptionalLong lastId = LastEventId.of(lastEventHeader, lastEventParameter);
        if (lastId.isPresent() && lastId.getAsLong() > swarm.version) {
            throw new InvalidFieldException(LastEventId.HEADER,
                    "swarm " + id + " has no event " + lastId.getAsLong() + " (it is at " + swarm.version + ")");
        }
        String streamId = id.toString();
        live.open(STREAM, sink, sse, lastId.orElse(0), new OneStream(streamId), (after, upTo) -> replay(streamId, after, upTo));
    }

    /** The swarm's own events, known by their version. */
    private record OneStream(String streamId) implements LiveStreams.Selection {

        @Override
        public boolean mayConcern(StoredEvent event) {
            return streamId.equals(event.streamId());
        }

        @Override
        public long idOf(StoredEvent event) {
            return event.version();
        }
    }

    private List<StoredEvent> replay(String streamId, long afterVersion, long upToPosition) {
        return store.load(streamId).stream()
                .filter(event -> event.version() > afterVersion && event.position() <= upToPosition).toList();
    }
}
