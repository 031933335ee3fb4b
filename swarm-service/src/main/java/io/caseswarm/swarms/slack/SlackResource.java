package io.caseswarm.swarms.slack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.rest.ProblemMappers;
import io.caseswarm.platform.slack.InvalidSlackRequestException;
import io.caseswarm.platform.slack.SlackForms;
import io.caseswarm.platform.slack.SlackRequestVerifier;

/**
 * Where Slack calls the app: interactivity (buttons, modals), the {@code /swarm} slash command and the
 * Events API. No bearer token: Slack signs each request with the app's signing secret, and the signature
 * over the raw bytes is checked before anything of the body is read; a missing, wrong or stale signature
 * is 401 and changes nothing. Who acts is the person linked to the Slack user in the directory, with the
 * roles the directory gives them. Left out of the OpenAPI document: Slack, not API clients, calls these.
 */
@Path("/slack")
@PermitAll
public class SlackResource {

    private static final Logger LOG = Logger.getLogger(SlackResource.class);

    private final SlackApp slack;
    private final PlatformClock clock;
    private final ObjectMapper json;
    private final SlackInteractions interactions;
    private final SlackSlashCommand slashCommand;
    private final SlackThreadReplies threadReplies;

    SlackResource(SlackApp slack, PlatformClock clock, ObjectMapper json, SlackInteractions interactions,
            SlackSlashCommand slashCommand, SlackThreadReplies threadReplies) {
        this.slack = slack;
        this.clock = clock;
        this.json = json;
        this.interactions = interactions;
        this.slashCommand = slashCommand;
        this.threadReplies = threadReplies;
    }

    /** Buttons and modal submissions: a form with one field, {@code payload}, holding JSON. */
    @POST
    @Path("/interactions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response interaction(@HeaderParam(SlackRequestVerifier.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(SlackRequestVerifier.SIGNATURE_HEADER) String signature, byte[] body) {
        Response refused = verify(timestamp, signature, body);
        if (refused != null) {
            return refused;
        }
        Map<String, String> form = form(body);
        JsonNode payload = form == null ? null : readJson(form.get("payload"));
        if (payload == null) {
            return badRequest("An interaction carries its JSON in the form field payload");
        }
        return interactions.handle(payload);
    }

    /** {@code /swarm CS-001234 billing,sync [question]}: a form, answered in Slack's slash-command format. */
    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response command(@HeaderParam(SlackRequestVerifier.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(SlackRequestVerifier.SIGNATURE_HEADER) String signature, byte[] body) {
        Response refused = verify(timestamp, signature, body);
        if (refused != null) {
            return refused;
        }
        Map<String, String> form = form(body);
        if (form == null) {
            return badRequest("The form is not well encoded");
        }
        return Response.ok(slashCommand.handle(form)).build();
    }

    /**
     * The Events API: the {@code url_verification} handshake when the URL is set in the app's settings,
     * and {@code event_callback}s, of which replies in a swarm's thread become feed posts. Slack expects a
     * 200 within three seconds whatever the app makes of an event, or it delivers it again.
     */
    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response event(@HeaderParam(SlackRequestVerifier.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(SlackRequestVerifier.SIGNATURE_HEADER) String signature,
            @HeaderParam("X-Slack-Retry-Num") String retryNum, byte[] body) {
        Response refused = verify(timestamp, signature, body);
        if (refused != null) {
            return refused;
        }
        JsonNode envelope = readJson(new String(body, StandardCharsets.UTF_8));
        if (envelope == null) {
            return badRequest("An event is a JSON document");
        }
        switch (envelope.path("type").asText()) {
            case "url_verification" -> {
                return Response.ok(json.createObjectNode().put("challenge", envelope.path("challenge").asText()))
                        .build();
            }
            case "event_callback" -> {
                if (retryNum != null) {
                    LOG.debugf("Slack delivers event %s again (retry %s)", envelope.path("event_id").asText(), retryNum);
                }
                threadReplies.handle(envelope);
                return Response.ok().build();
            }
            default -> {
                return Response.ok().build(); // app_rate_limited and the like: nothing to do
            }
        }
    }

    private Response verify(String timestamp, String signature, byte[] body) {
        var verifier = slack.verifier();
        try {
            if (verifier.isEmpty()) {
                throw new InvalidSlackRequestException("The Slack app is not enabled");
            }
            verifier.get().verify(timestamp, signature, body, clock.now());
            return null;
        } catch (InvalidSlackRequestException e) {
            LOG.warnf("Refused a request claiming to come from Slack: %s", e.getMessage());
            // The same answer whatever was wrong: the reason is for the log, not for a prober.
            return ProblemMappers.problem(401, "unauthorized", "Unauthorized",
                    "The request is not signed by Slack with this app's signing secret, or is too old.", List.of());
        }
    }

    private static Map<String, String> form(byte[] body) {
        try {
            return SlackForms.parse(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode readJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Response badRequest(String detail) {
        return ProblemMappers.problem(400, "invalid-request", "Invalid request", detail, List.of());
    }
}
