package io.caseswarm.platform.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.All;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body larger than its route allows before reading it, with 413 as problem+json like every other
 * error. Every route allows {@code caseswarm.http.max-body-size} (small JSON documents); a route a service
 * declares as a {@link LargeBodyRoute} allows its own, larger size.
 *
 * <p>The server itself knows only one limit, {@code quarkus.http.limits.max-body-size}, which therefore is
 * the ceiling: the largest any route allows. A body that declares no length (chunked) is counted while it
 * is read and cut off at its route's limit, with a plain 413: this class hands that limit to the server's
 * body stream in place of the ceiling.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Where Quarkus' blocking body stream looks up the limit of a body that declares no length. */
    static final String UNDECLARED_BODY_LIMIT = "io.quarkus.max-request-size";
    /** Quarkus' own limit handler runs at order -2 and sets the ceiling; ours comes right after it. */
    private static final int AFTER_SERVER_LIMIT = -1;

    private final long defaultMaxBytes;
    private final List<LargeBodyRoute> largeBodyRoutes;

    BodySizeLimit(@ConfigProperty(name = "caseswarm.http.max-body-size") MemorySize defaultMax,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize ceiling,
            @All List<LargeBodyRoute> largeBodyRoutes) {
        this.defaultMaxBytes = defaultMax.asLongValue();
        this.largeBodyRoutes = List.copyOf(largeBodyRoutes);
        for (LargeBodyRoute route : this.largeBodyRoutes) {
            if (route.maxBytes() > ceiling.asLongValue()) {
                throw new IllegalStateException(route.method() + " " + route.path() + " takes bodies of up to "
                        + route.maxBytes() + " bytes, but quarkus.http.limits.max-body-size is "
                        + ceiling.asLongValue() + " bytes; raise it to at least that");
            }
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize);
        router.route().order(AFTER_SERVER_LIMIT).handler(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                context.put(UNDECLARED_BODY_LIMIT, maxBytesOf(context));
            }
            context.next();
        });
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long maxBytes = maxBytesOf(context);
        if (declared != null && exceeds(declared, maxBytes)) {
            String problem = new JsonObject()
                    .put("type", "https://caseswarm.io/problems/body-too-large")
                    .put("title", "Request body too large")
                    .put("status", 413)
                    .put("detail", "The body may be at most " + maxBytes + " bytes.")
                    .encode();
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem);
        } else {
            context.next();
        }
    }

    private long maxBytesOf(RoutingContext context) {
        String method = context.request().method().name();
        String path = context.normalizedPath();
        return largeBodyRoutes.stream().filter(route -> route.matches(method, path))
                .mapToLong(LargeBodyRoute::maxBytes).max().orElse(defaultMaxBytes);
    }

    private static boolean exceeds(String declared, long maxBytes) {
        try {
            return Long.parseLong(declared.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false; // the server rejects a malformed length itself
        }
    }
}
