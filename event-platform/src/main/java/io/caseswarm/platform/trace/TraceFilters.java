package io.caseswarm.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

/**
 * A span for every REST call, continuing the caller's {@code traceparent} if it sent one. The
 * response names the trace in its own {@code traceparent} header, so a caller can look it up.
 */
public class TraceFilters {

    private final Tracing tracing;
    private final RequestTrace requestTrace;

    TraceFilters(Tracing tracing, RequestTrace requestTrace) {
        this.tracing = tracing;
        this.requestTrace = requestTrace;
    }

    // Not pre-matching: then it runs on the thread that serves the resource method, which logs with its ids.
    @ServerRequestFilter
    public void startSpan(ContainerRequestContext request) {
        Span span = tracing.start(request.getMethod() + " " + request.getUriInfo().getPath(), SpanKind.SERVER,
                request::getHeaderString);
        requestTrace.set(span);
        Tracing.showInLogs(span);
    }

    @ServerResponseFilter
    public void endSpan(ContainerResponseContext response) {
        Span span = requestTrace.span();
        if (!span.getSpanContext().isValid()) {
            return;
        }
        response.getHeaders().putSingle(Tracing.TRACEPARENT, Tracing.traceParent(span));
        if (response.getStatus() >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.setAttribute("http.response.status_code", response.getStatus());
        span.end();
        Tracing.forgetInLogs();
    }
}
