package io.caseswarm.swarms.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.caseswarm.platform.rest.PersonId;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.projection.SwarmPost;
import io.caseswarm.swarms.projection.SwarmView;
import io.caseswarm.swarms.service.SwarmCommands;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/**
 * Swarms over REST. Commands with a required body take JSON only: without {@code @Consumes}, a
 * {@code text/plain} body would be turned into a one-field request through its constructor, past the
 * JSON rules (unknown fields, types). Joining and leaving take no body, so they ask for no content type.
 * Body parameters are called {@code body} because a missing body is reported under that name.
 */
@Path("/swarms")
@Produces(MediaType.APPLICATION_JSON)
public class SwarmResource {

    /** A query parameter that is not a UUID is the client's mistake (400 naming it), not a missing resource. */
    private static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final SwarmCommands commands;
    private final Caller caller;

    SwarmResource(SwarmCommands commands, Caller caller) {
        this.commands = commands;
        this.caller = caller;
    }

    /** Agent, lead. Only the case's owner, or a lead, asks for a swarm; the swarm is the case owner's. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public Response request(@NotNull @Valid SwarmRequest body) {
        UUID id = UUID.randomUUID();
        List<String> skills = normalised(body.skills());
        commands.request(new RequestSwarm(id, body.caseId(), body.question(), body.stepsTried(), skills,
                body.teamSize(), body.type()), caller);
        return Response.created(URI.create("/swarms/" + id)).entity(SwarmResponse.of(view(id))).build();
    }

    /** Agent, expert, lead, admin, integration. */
    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public SwarmResponse find(@PathParam("id") UUID id) {
        SwarmView swarm = view(id);
        // The room's case details (the customer, their messages) are for whoever may read the feed.
        return SwarmResponse.of(swarm, swarm.feedReadableBy(caller) ? CaseDetails.of(swarm.caseId) : null);
    }

    /** Agent, expert, lead, admin, integration. Newest first; optionally only one case's swarms. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<SwarmResponse> list(
            @QueryParam("caseId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String caseId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Sort newestFirst = Sort.descending("requestedAt");
        var query = caseId == null ? SwarmView.<SwarmView>findAll(newestFirst)
                : SwarmView.<SwarmView>find("caseId", newestFirst, UUID.fromString(caseId));
        return query.page(0, limit).stream().map(SwarmResponse::of).toList();
    }

    /** Expert. Only the invited expert themselves joins. */
    @POST
    @Path("/{id}/members/{personId}/join")
    @RolesAllowed(Roles.EXPERT)
    public SwarmResponse join(@PathParam("id") UUID id, @PathParam("personId") @PersonId String personId) {
        requireOwnInvitation(personId);
        commands.join(id, personId);
        return find(id);
    }

    /** Expert. Only the invited expert themselves declines. */
    @POST
    @Path("/{id}/members/{personId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EXPERT)
    public SwarmResponse decline(@PathParam("id") UUID id, @PathParam("personId") @PersonId String personId,
            @Valid DeclineRequest body) {
        requireOwnInvitation(personId);
        commands.decline(id, personId, body == null ? null : body.reason());
        return find(id);
    }

    /** Expert. Only the member themselves leaves. */
    @POST
    @Path("/{id}/members/{personId}/leave")
    @RolesAllowed(Roles.EXPERT)
    public SwarmResponse leave(@PathParam("id") UUID id, @PathParam("personId") @PersonId String personId) {
        requireOwnInvitation(personId);
        commands.leave(id, personId);
        return find(id);
    }

    /** Agent, expert, lead. The owner, members who joined and leads post; the author is the caller. */
    @POST
    @Path("/{id}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD })
    public Response post(@PathParam("id") UUID id, @NotNull @Valid PostRequest body) {
        UUID postId = commands.post(id, caller, body.text());
        SwarmPost post = SwarmPost.findById(postId);
        return Response.created(URI.create("/swarms/" + id + "/posts")).entity(PostResponse.of(post)).build();
    }

    /** Agent, expert, lead. The owner, members who are invited or joined, and leads read the feed. */
    @GET
    @Path("/{id}/posts")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD })
    public List<PostResponse> feed(@PathParam("id") UUID id) {
        requireFeedAccess(view(id));
        return SwarmPost.<SwarmPost>list("swarmId", Sort.ascending("postedAt"), id).stream()
                .map(PostResponse::of).toList();
    }

    /**
     * Agent, lead. The swarm's owner or a lead marks a post of its feed as the answer (the feed shows
     * {@code answer: true}); one answer at a time (409 while another is marked, or this one is). A post of
     * another swarm is 404 here.
     */
    @POST
    @Path("/{id}/posts/{postId}/answer")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public PostResponse markAnswer(@PathParam("id") UUID id, @PathParam("postId") UUID postId) {
        commands.markAnswer(id, postId, caller);
        return PostResponse.of(SwarmPost.findById(postId));
    }

    /** Agent, lead. The swarm's owner or a lead takes the mark off the answer (409 when the post is not it). */
    @DELETE
    @Path("/{id}/posts/{postId}/answer")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public PostResponse unmarkAnswer(@PathParam("id") UUID id, @PathParam("postId") UUID postId) {
        commands.unmarkAnswer(id, postId, caller);
        return PostResponse.of(SwarmPost.findById(postId));
    }

    /**
     * Agent, lead. The swarm's owner or a lead brings a named person in at once (a member, shown
     * {@code joined}); not the owner, not somebody invited or in it already (409).
     */
    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public SwarmResponse addMember(@PathParam("id") UUID id, @NotNull @Valid AddMemberRequest body) {
        commands.addMember(id, caller, body.personId(), body.reason());
        return find(id);
    }

    /** Agent, lead. The swarm's owner or a lead asks the expert finder for 1–5 more experts. */
    @POST
    @Path("/{id}/more-experts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public Response requestMoreExperts(@PathParam("id") UUID id, @NotNull @Valid MoreExpertsRequest body) {
        commands.requestMoreExperts(id, caller, body.count());
        return Response.accepted(SwarmResponse.of(view(id))).build();
    }

    /**
     * Agent, lead. The swarm's owner or a lead takes someone invited or in the swarm out of it; anybody else
     * (declined, left, never in it) is 409.
     */
    @DELETE
    @Path("/{id}/members/{personId}")
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public SwarmResponse removeMember(@PathParam("id") UUID id, @PathParam("personId") @PersonId String personId,
            @QueryParam("reason") @Size(max = 500) String reason) {
        commands.removeMember(id, caller, personId, reason);
        return find(id);
    }

    /** Agent, lead. The swarm's owner or a lead closes the swarm: its work is done (a cancel calls it off). */
    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public SwarmResponse close(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body) {
        commands.close(id, caller, body.reason());
        return find(id);
    }

    /** Agent, lead. The swarm's owner or a lead changes the skills later invitations look for. */
    @PUT
    @Path("/{id}/skills")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public SwarmResponse changeSkills(@PathParam("id") UUID id, @NotNull @Valid SkillsRequest body) {
        commands.changeSkills(id, caller, normalised(body.skills()));
        return find(id);
    }

    /** Agent, lead. The swarm's owner or a lead calls the swarm off; nothing more happens in it. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.LEAD })
    public SwarmResponse cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest body) {
        commands.cancel(id, caller, body.reason());
        return find(id);
    }

    /**
     * Agent, expert, lead. Everything that happened in the swarm, oldest first, read as the feed is: a page of
     * {@code limit} entries after {@code afterVersion}. A full page links to the next one ({@code Link: rel=next}).
     */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD })
    public RestResponse<List<HistoryEntry>> history(@PathParam("id") UUID id,
            @QueryParam("afterVersion") @DefaultValue("0") @Min(0) long afterVersion,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        requireFeedAccess(view(id));
        List<HistoryEntry> page = commands.history(id, afterVersion, limit).stream()
                .map(event -> new HistoryEntry(event.type(), event.version(), event.occurredAt(), event.data()))
                .toList();
        RestResponse.ResponseBuilder<List<HistoryEntry>> response = RestResponse.ResponseBuilder.ok(page);
        if (page.size() == limit) {
            response.header("Link", "</swarms/%s/history?afterVersion=%d&limit=%d>; rel=\"next\""
                    .formatted(id, page.getLast().version(), limit));
        }
        return response.build();
    }

    private void requireFeedAccess(SwarmView swarm) {
        if (!swarm.feedReadableBy(caller)) {
            throw new ForbiddenException(caller.id() + " is neither the owner nor a member of this swarm");
        }
    }

    private static List<String> normalised(List<String> skills) {
        return skills.stream().map(skill -> skill.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    }

    /** An invitation is answered by the person invited and nobody else, not even a lead: it is their time. */
    private void requireOwnInvitation(String personId) {
        if (!caller.isSelf(personId)) {
            throw new ForbiddenException("Only " + personId + " answers their own invitation");
        }
    }

    private static SwarmView view(UUID id) {
        SwarmView view = SwarmView.findById(id);
        if (view == null) {
            throw new NotFoundException("No swarm " + id);
        }
        return view;
    }

    /** Who to bring in, and optionally why (shown in the history). */
    public record AddMemberRequest(@NotNull @PersonId String personId, @Size(max = 500) String reason) {
    }

    public record MoreExpertsRequest(@NotNull @Min(1) @Max(5) Integer count) {
    }

    /** The same rules as a swarm request's skills. */
    public record SkillsRequest(@NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 50) String> skills) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** One event of the swarm as stored: its type, its place in the swarm's stream, when, and its payload. */
    public record HistoryEntry(String type, long version, Instant time, JsonNode data) {
    }

    public record DeclineRequest(@Size(max = 500) String reason) {
    }

    /** The author is whoever the token names; a body cannot post in somebody else's name. */
    public record PostRequest(@NotBlank @Size(max = 4_000) String text) {
    }

    /**
     * {@code via}: the automation rule a post by the swarm's bot was asked for by; null otherwise.
     * {@code mentions}: who the post mentions (empty for posts from before mentions); {@code answer}: marked
     * as the answer.
     */
    public record PostResponse(UUID id, String authorId, String text, Instant postedAt, String via,
            List<String> mentions, boolean answer) {
        static PostResponse of(SwarmPost post) {
            return new PostResponse(post.postId, post.authorId, post.text, post.postedAt, post.via,
                    post.mentions == null ? List.of() : post.mentions, post.answer);
        }
    }
}
