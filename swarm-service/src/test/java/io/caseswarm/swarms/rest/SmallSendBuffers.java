package io.caseswarm.swarms.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * In the tests, the HTTP server's sockets send through a small fixed kernel buffer. Left to itself, Linux
 * grows a loopback socket's send buffer to megabytes, so a client that stops reading would have to be sent
 * megabytes before the service noticed; with this, kilobytes do (SwarmLiveTest's stalled client).
 */
@ApplicationScoped
public class SmallSendBuffers implements HttpServerOptionsCustomizer {

    static final int BYTES = 16 * 1024;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setSendBufferSize(BYTES);
    }
}
