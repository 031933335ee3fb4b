package io.caseswarm.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP trace receiver, as an OpenTelemetry collector would be: it takes the services' exports at
 * {@code POST /v1/traces} and keeps the spans. The protobuf messages are read by field number (the OTLP
 * trace proto: ExportTraceServiceRequest, ResourceSpans, ScopeSpans, Span), so what is checked is what
 * went over the wire, not what an SDK of ours believes it sent.
 */
final class SpanCollector implements AutoCloseable {

    /** One received span: the service that exported it (its resource's service.name), ids in hex. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {
    }

    /** The OTLP span kinds, numbered as on the wire. */
    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/v1/traces", collector::receive);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the OTLP receiver", e);
        }
    }

    /** What a service is given as its OTLP endpoint. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!exchange.getRequestMethod().equals("POST")
                    || !"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            try {
                spans.addAll(decode(body.readAllBytes()));
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            // An empty ExportTraceServiceResponse: everything was accepted.
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static List<ReceivedSpan> decode(byte[] request) throws InvalidProtocolBufferException {
        List<ReceivedSpan> received = new ArrayList<>();
        for (ByteString resourceSpans : fields(UnknownFieldSet.parseFrom(request), 1)) {
            UnknownFieldSet resourceAndScopes = UnknownFieldSet.parseFrom(resourceSpans);
            String service = serviceName(resourceAndScopes).orElse("?");
            for (ByteString scopeSpans : fields(resourceAndScopes, 2)) {
                for (ByteString span : fields(UnknownFieldSet.parseFrom(scopeSpans), 2)) {
                    received.add(span(service, UnknownFieldSet.parseFrom(span)));
                }
            }
        }
        return received;
    }

    private static ReceivedSpan span(String service, UnknownFieldSet span) {
        long kind = span.hasField(6) ? span.getField(6).getVarintList().getFirst() : 0;
        return new ReceivedSpan(service, hex(span, 1), hex(span, 2), hex(span, 4), text(span, 5), Kind.values()[(int) kind]);
    }

    /** The resource's {@code service.name}: Resource (field 1) holds KeyValue attributes (1), each a key (1) and an AnyValue (2). */
    private static Optional<String> serviceName(UnknownFieldSet resourceSpans) throws InvalidProtocolBufferException {
        for (ByteString resource : fields(resourceSpans, 1)) {
            for (ByteString attribute : fields(UnknownFieldSet.parseFrom(resource), 1)) {
                UnknownFieldSet keyValue = UnknownFieldSet.parseFrom(attribute);
                if (text(keyValue, 1).equals("service.name")) {
                    return Optional.of(fields(keyValue, 2).isEmpty() ? ""
                            : text(UnknownFieldSet.parseFrom(fields(keyValue, 2).getFirst()), 1));
                }
            }
        }
        return Optional.empty();
    }

    private static List<ByteString> fields(UnknownFieldSet message, int number) {
        return message.hasField(number) ? message.getField(number).getLengthDelimitedList() : List.of();
    }

    private static String text(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : values.getFirst().toStringUtf8();
    }

    private static String hex(UnknownFieldSet message, int number) {
        List<ByteString> values = fields(message, number);
        return values.isEmpty() ? "" : HexFormat.of().formatHex(values.getFirst().toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
