package io.caseswarm.platform.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

import io.caseswarm.platform.metrics.ServiceGauges;
import io.caseswarm.platform.store.StoredEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Server-Sent Event streams of stored events that a client can resume without a gap or a duplicate. Each
 * client subscribes to the {@link EventTail} first, then gets from the store what came after the id it
 * last had (up to the tail's position), then the live events, skipping any it was already sent. Every event
 * goes out as {@code id:} (the client's id for it), {@code event:} (its type) and {@code data:} (its JSON
 * payload); a comment keeps a quiet connection open.
 *
 * <p>A client has a bounded buffer and a virtual thread that writes to it. One that falls behind by a
 * whole buffer is dropped (it can resume from its last id) so that it never holds up the tail, nor anyone
 * else. {@code caseswarm_live_clients{stream}} counts the connected clients, {@code
 * caseswarm_live_dropped_total{stream}} the dropped ones.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);

    /** Which events a client gets, and its id for each: a stream's version, the store's position... */
    public interface Selection {

        /**
         * Whether {@code event} may be for the client: asked on the tail's thread for every event, so it must be
         * quick and must not depend on what the client was sent (a stream id, a stream type).
         */
        boolean mayConcern(StoredEvent event);

        /**
         * The client's id for {@code event}, or a negative number when the event is not for this client. Asked on
         * the client's thread for the events that {@link #mayConcern} it, each once and in store order, so a
         * selection may keep state (whose swarms a person is in, say).
         */
        long idOf(StoredEvent event);
    }

    /** The events that may be for the client after {@code lastId} and at or before {@code upToPosition}, in id order. */
    @FunctionalInterface
    public interface Replay {
        List<StoredEvent> after(long lastId, long upToPosition);
    }

    private final EventTail tail;
    private final LiveConfig config;
    private final MeterRegistry metrics;
    private final ServiceGauges gauges;
    private final Map<String, AtomicInteger> connected = new ConcurrentHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();

    LiveStreams(EventTail tail, LiveConfig config, MeterRegistry metrics, ServiceGauges gauges) {
        this.tail = tail;
        this.config = config;
        this.metrics = metrics;
        this.gauges = gauges;
    }

    /**
     * Streams to {@code sink} on a thread of its own and returns at once. Check who may see the stream
     * before: once it is open, problems can no longer be answered with a status. {@code lastId} -1 starts
     * with what happens from now on.
     */
    public void open(String stream, SseEventSink sink, Sse sse, long lastId, Selection selection, Replay replay) {
        Client client = new Client(stream, sink, sse, selection);
        client.subscription = tail.subscribe(client::offer);
        clients.add(client);
        counter(stream).incrementAndGet();
        // Headers and a first line at once, on the request's own thread: the framework sends the response's
        // head after this method returns unless it is sent already, and a send from another thread at that
        // moment would race it ("response head already sent"). The client knows it is subscribed.
        if (!client.greet()) {
            return;
        }
        client.thread = Thread.ofVirtual().name("live-" + stream).start(() -> client.run(lastId, replay));
    }

    /** Clients connected now to streams of {@code stream}'s kind. */
    public int connected(String stream) {
        return counter(stream).get();
    }

    void closeAll(@Observes ShutdownEvent shutdown) {
        clients.forEach(client -> {
            client.drop();
            Thread thread = client.thread;
            if (thread != null) {
                thread.interrupt();
            }
        });
    }

    private AtomicInteger counter(String stream) {
        return connected.computeIfAbsent(stream, kind -> {
            AtomicInteger count = new AtomicInteger();
            gauges.register(Gauge.builder("caseswarm.live.clients", count, AtomicInteger::get).tag("stream", kind)
                    .description("Clients connected to live streams (Server-Sent Events)"));
            return count;
        });
    }

    private final class Client {

        private final String stream;
        private final SseEventSink sink;
        private final Sse sse;
        private final Selection selection;
        private final BlockingQueue<StoredEvent> buffer;
        private volatile AutoCloseable subscription;
        private volatile boolean dropped;
        private volatile Thread thread;

        Client(String stream, SseEventSink sink, Sse sse, Selection selection) {
            this.stream = stream;
            this.sink = sink;
            this.sse = sse;
            this.selection = selection;
            this.buffer = new ArrayBlockingQueue<>(config.clientBuffer());
        }

        /** On the tail's thread: never blocks. A client whose buffer is full is dropped. */
        void offer(StoredEvent event) {
            if (dropped || !selection.mayConcern(event)) {
                return;
            }
            if (!buffer.offer(event)) {
                dropAsTooSlow("fell " + buffer.size() + " events behind");
            }
        }

        void run(long lastId, LiveStreams.Replay replay) {
            long lastSent = lastId;
            // Subscribed before this is read: every event above it will be in the buffer.
            long handled = tail.position();
            try {
                if (lastId >= 0) {
                    for (StoredEvent event : replay.after(lastId, handled)) {
                        lastSent = sendIfNew(event, lastSent);
                    }
                }
                while (!dropped && !sink.isClosed()) {
                    StoredEvent next = buffer.poll(config.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                    if (next == null) {
                        comment("heartbeat");
                    } else if (next.position() > handled) {
                        // The buffer may hold events from before the replay's end: those were handled.
                        handled = next.position();
                        lastSent = sendIfNew(next, lastSent);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                dropAsTooSlow("took no event for " + config.heartbeat().multipliedBy(2));
            } catch (ExecutionException | RuntimeException e) {
                LOG.debugf("A %s client went away: %s", stream, e.getMessage());
            } finally {
                drop();
                clients.remove(this);
                counter(stream).decrementAndGet();
            }
        }

        /** The first line; false (and the client is gone) when it cannot be written. */
        boolean greet() {
            try {
                comment("live");
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debugf("A %s client went away at once: %s", stream, e.getMessage());
            }
            drop();
            clients.remove(this);
            counter(stream).decrementAndGet();
            return false;
        }

        private long sendIfNew(StoredEvent event, long lastSent)
                throws InterruptedException, ExecutionException, TimeoutException {
            long id = selection.mayConcern(event) ? selection.idOf(event) : -1;
            if (id <= lastSent) {
                return lastSent;
            }
            send(id, event);
            return id;
        }

        private void send(long id, StoredEvent event) throws InterruptedException, ExecutionException, TimeoutException {
            write(sse.newEventBuilder().id(Long.toString(id)).name(event.type())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, event.data().toString()).build());
        }

        private void comment(String text) throws InterruptedException, ExecutionException, TimeoutException {
            write(sse.newEventBuilder().comment(text).build());
        }

        /** Waits for the write: a client that takes longer than a heartbeat to take one event is too slow. */
        private void write(OutboundSseEvent event) throws InterruptedException, ExecutionException, TimeoutException {
            sink.send(event).toCompletableFuture().get(config.heartbeat().toMillis() * 2, TimeUnit.MILLISECONDS);
        }

        /** A client that does not keep up: dropped (it may resume from its last id), and counted. */
        private void dropAsTooSlow(String how) {
            if (!dropped) {
                metrics.counter("caseswarm.live.dropped", "stream", stream).increment();
                LOG.infof("A %s client %s and was dropped; it may resume", stream, how);
            }
            drop();
        }

        void drop() {
            dropped = true;
            try {
                AutoCloseable current = subscription;
                if (current != null) {
                    current.close();
                }
                sink.close();
            } catch (Exception e) {
                LOG.debugf("Closing a %s client: %s", stream, e.getMessage());
            }
        }
    }
}
