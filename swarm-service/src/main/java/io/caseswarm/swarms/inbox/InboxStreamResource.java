package io.caseswarm.swarms.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.caseswarm.platform.live.EventTail;
import io.caseswarm.platform.live.LastEventId;
import io.caseswarm.platform.live.LiveStreams;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.platform.store.EventStore;
import io.caseswarm.platform.store.StoredEvent;
import io.caseswarm.swarms.domain.SwarmStatus;
import io.caseswarm.swarms.projection.SwarmView;

/**
 * The caller's own inbox, live: invitations to them, posts that mention them, and what happens in their
 * swarms (see {@link InboxSelection}), as Server-Sent Events whose {@code id:} is the event's position in
 * the store, so one id resumes across all their swarms. Always the caller's: there is no parameter naming
 * a person, and any parameter but {@code lastEventId} is refused. Without a {@code Last-Event-ID} it starts
 * with what happens from now on.
 */
@Path("/inbox/stream")
public class InboxStreamResource {

    static final String STREAM = "inbox";
    private static final int REPLAY_BATCH = 1_000;

    private final LiveStreams live;
    private final EventTail tail;
    private final EventStore store;
    private final Caller caller;

    InboxStreamResource(LiveStreams live, EventTail tail, EventStore store, Caller caller) {
        this.live = live;
        this.tail = tail;
        this.store = store;
        this.caller = caller;
    }

    /** Agent, expert, lead. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD })
    public void stream(@HeaderParam(LastEventId.HEADER) String lastEventHeader,
            @QueryParam(LastEventId.PARAMETER) String lastEventParameter, @Context UriInfo uri,
            @Context SseEventSink sink, @Context Sse sse) {
        uri.getQueryParameters().keySet().stream().filter(name -> !LastEventId.PARAMETER.equals(name)).findFirst()
                .ifPresent(name -> {
                    throw new InvalidFieldException(name, "is not a parameter of the inbox, which is always the caller's");
                });
        OptionalLong lastId = LastEventId.of(lastEventHeader, lastEventParameter);
        long end = tail.endOfStore();
        if (lastId.isPresent() && lastId.getAsLong() > end) {
            throw new InvalidFieldException(LastEventId.HEADER, "no event " + lastId.getAsLong() + " was sent yet");
        }
        InboxSelection selection = new InboxSelection(caller.id());
        if (lastId.isPresent()) {
            // The person's swarms as they were at the event the client resumes after: replay goes on from there.
            long resumeAfter = lastId.getAsLong();
            swarmsEverOf(caller.id()).forEach(swarm -> store.load(swarm.toString()).stream()
                    .filter(event -> event.position() <= resumeAfter).forEach(selection::idOf));
        } else {
            swarmsEverOf(caller.id()).stream().filter(id -> SwarmView.<SwarmView>findById(id).feedOpenTo(caller.id()))
                    .forEach(selection::follow);
        }
        live.open(STREAM, sink, sse, lastId.orElse(-1), selection, this::replay);
    }

    /** The swarms, still open, that the person owns or was ever asked to (whatever they answered). */
    private static List<UUID> swarmsEverOf(String personId) {
        @SuppressWarnings("unchecked")
        List<UUID> swarms = SwarmView.getEntityManager().createNativeQuery("select swarm_id from swarm_view"
                + " where status not in (?1, ?2) and (owner_id = ?3"
                + " or members @> jsonb_build_array(jsonb_build_object('personId', cast(?3 as text))))", UUID.class)
                .setParameter(1, SwarmStatus.CLOSED.name()).setParameter(2, SwarmStatus.CANCELLED.name())
                .setParameter(3, personId)
                .getResultList();
        return swarms;
    }

    /** Every swarm event after {@code lastPosition}; the selection picks the caller's. */
    private List<StoredEvent> replay(long lastPosition, long upToPosition) {
        List<StoredEvent> events = new ArrayList<>();
        long after = lastPosition;
        while (after < upToPosition) {
            List<StoredEvent> batch = store.readAll(after, REPLAY_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            batch.stream().filter(event -> event.position() <= upToPosition).forEach(events::add);
            after = batch.getLast().position();
        }
        return events;
    }
}
