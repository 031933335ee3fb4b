package io.caseswarm.platform.trace;

import jakarta.enterprise.context.RequestScoped;

import io.opentelemetry.api.trace.Span;

/**
 * The span of the REST call being served. Kept in the request context rather than made current on a
 * thread, because a request may move between the event loop and a worker thread.
 */
@RequestScoped
public class RequestTrace {

    private Span span = Span.getInvalid();

    public Span span() {
        return span;
    }

    void set(Span span) {
        this.span = span;
    }
}
