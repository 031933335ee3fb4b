package io.caseswarm.platform.trace;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * One trace per case journey: a span for each REST call and each consumed event, each the child of
 * the W3C trace context it arrived with ({@code traceparent} on the HTTP request or the Kafka record),
 * and the current context written on every appended event so the outbox carries it on. Log lines
 * carry {@code traceId} and {@code spanId}. With {@code caseswarm.tracing.otlp-endpoint} set, finished spans
 * are exported over OTLP/HTTP in batches, named by the service ({@code service.name}).
 */
@ApplicationScoped
public class Tracing {

    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return W3C.fields();
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final RequestTrace requestTrace;

    Tracing(RequestTrace requestTrace, TracingConfig config,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.requestTrace = requestTrace;
        this.provider = provider(config, service);
        this.tracer = provider.get("io.caseswarm.platform");
    }

    private static SdkTracerProvider provider(TracingConfig config, String service) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.builder().put(SERVICE_NAME, service).build()));
        config.otlpEndpoint().ifPresent(endpoint -> builder.addSpanProcessor(BatchSpanProcessor
                .builder(OtlpHttpSpanExporter.builder().setEndpoint(endpoint.replaceAll("/+$", "") + "/v1/traces")
                        .setTimeout(config.exportTimeout()).build())
                .setScheduleDelay(config.exportDelay()).build()));
        return builder.build();
    }

    /**
     * The {@code traceparent} of the work in progress: the consumed event being applied on this thread,
     * else the REST call being served; null outside both.
     */
    public String currentTraceParent() {
        Span consuming = Span.current();
        if (consuming.getSpanContext().isValid()) {
            return traceParent(consuming);
        }
        if (Arc.container().requestContext().isActive()) {
            return traceParent(requestTrace.span());
        }
        return null;
    }

    /** Starts a span that continues the trace named by {@code headers}, or a new trace when they name none. */
    public Span start(String name, SpanKind kind, Function<String, String> headers) {
        Context parent = W3C.extract(Context.root(), headers, HEADERS);
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** The W3C {@code traceparent} of a span, or null for an invalid one. */
    public static String traceParent(Span span) {
        if (!span.getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Puts the span's ids on the log lines of this thread until {@link #forgetInLogs()}. */
    public static void showInLogs(Span span) {
        SpanContext context = span.getSpanContext();
        MDC.put("traceId", context.getTraceId());
        MDC.put("spanId", context.getSpanId());
    }

    public static void forgetInLogs() {
        MDC.remove("traceId");
        MDC.remove("spanId");
    }

    /** Sends what is still in memory: a service that stops exports its last spans first. */
    @PreDestroy
    void close() {
        provider.close();
    }
}
