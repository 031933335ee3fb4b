package io.caseswarm.swarms.rest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/**
 * A real Server-Sent Events client, as a browser's EventSource reads a stream: the JDK's HTTP client and the
 * response read line by line, {@code id:}, {@code event:}, {@code data:} and comment lines, a blank line
 * ending each event.
 */
final class SseClient implements AutoCloseable {

    record Event(long id, String type, String data) {
    }

    private final HttpClient http;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private SseClient(HttpClient http, HttpResponse<InputStream> response) {
        this.http = http;
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens {@code path} with the token and headers given; returns once the response's headers are in. */
    static SseClient open(String path, String token, Map<String, String> headers) {
        return open(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), path, token, headers);
    }

    /** The same on a client shared by many streams (each still its own connection), as the benchmark opens them. */
    static SseClient open(HttpClient http, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("The stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            return new SseClient(http, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Waits for the comment the server sends once the client is subscribed. */
    void awaitSubscribed() {
        Object first = take(Duration.ofSeconds(30));
        if (!":live".equals(first) && !": live".equals(first)) {
            throw new AssertionError("Expected the stream's first comment, got " + first);
        }
    }

    /** The next event, skipping comments (heartbeats). */
    Event next(Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            Object line = take(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (line instanceof Event event) {
                return event;
            }
        }
    }

    /** The next {@code count} events. */
    List<Event> next(int count, Duration patience) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(next(patience));
        }
        return events;
    }

    /** The next comment line, such as a heartbeat. */
    String nextComment(Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (true) {
            Object line = take(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (line instanceof String comment) {
                return comment;
            }
        }
    }

    private Object take(Duration patience) {
        try {
            Object line = received.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("Nothing arrived on the stream within " + patience);
            }
            if (line instanceof Throwable failure) {
                throw new AssertionError("The stream ended", failure);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Event(Long.parseLong(id), type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(line);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
            received.add(new IOException("end of stream"));
        } catch (IOException e) {
            received.add(e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
