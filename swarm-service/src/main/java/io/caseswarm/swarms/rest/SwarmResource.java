package io.caseswarm.swarms.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.swarms.domain.RequestSwarm;
import io.caseswarm.swarms.projection.SwarmPost;
import io.caseswarm.swarms.projection.SwarmView;
import io.caseswarm.swarms.service.SwarmCommands;
import io.quarkus.panache.common.Sort;

@Path("/swarms")
public class SwarmResource {

    private final SwarmCommands commands;

    SwarmResource(SwarmCommands commands) {
        this.commands = commands;
    }

    @POST
    public Response request(@NotNull @Valid SwarmRequest request) {
        UUID id = UUID.randomUUID();
        List<String> skills = request.skills().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        commands.request(new RequestSwarm(id, request.caseId(), request.ownerId(), request.question(),
                request.stepsTried(), skills, request.teamSize() == null ? 3 : request.teamSize()));
        return Response.created(URI.create("/swarms/" + id)).entity(find(id)).build();
    }

    @GET
    @Path("/{id}")
    public SwarmResponse find(@PathParam("id") UUID id) {
        SwarmView view = SwarmView.findById(id);
        if (view == null) {
            throw new NotFoundException("No swarm " + id);
        }
        return SwarmResponse.of(view);
    }

    @GET
    public List<SwarmResponse> list(@QueryParam("caseId") UUID caseId) {
        List<SwarmView> views = caseId == null ? SwarmView.listAll(Sort.descending("requestedAt"))
                : SwarmView.list("caseId", Sort.descending("requestedAt"), caseId);
        return views.stream().map(SwarmResponse::of).toList();
    }

    @POST
    @Path("/{id}/members/{personId}/join")
    public SwarmResponse join(@PathParam("id") UUID id, @PathParam("personId") String personId) {
        commands.join(id, personId);
        return find(id);
    }

    @POST
    @Path("/{id}/members/{personId}/decline")
    public SwarmResponse decline(@PathParam("id") UUID id, @PathParam("personId") String personId,
            @Valid DeclineRequest request) {
        commands.decline(id, personId, request == null ? null : request.reason());
        return find(id);
    }

    @POST
    @Path("/{id}/members/{personId}/leave")
    public SwarmResponse leave(@PathParam("id") UUID id, @PathParam("personId") String personId) {
        commands.leave(id, personId);
        return find(id);
    }

    @POST
    @Path("/{id}/posts")
    public Response post(@PathParam("id") UUID id, @NotNull @Valid PostRequest request) {
        UUID postId = commands.post(id, request.authorId(), request.text());
        SwarmPost post = SwarmPost.findById(postId);
        return Response.created(URI.create("/swarms/" + id + "/posts")).entity(PostResponse.of(post)).build();
    }

    @GET
    @Path("/{id}/posts")
    public List<PostResponse> feed(@PathParam("id") UUID id) {
        find(id);
        return SwarmPost.<SwarmPost>list("swarmId", Sort.ascending("postedAt"), id).stream()
                .map(PostResponse::of).toList();
    }

    public record DeclineRequest(@Size(max = 500) String reason) {
    }

    public record PostRequest(@NotBlank @Size(max = 64) String authorId, @NotBlank @Size(max = 4_000) String text) {
    }

    public record PostResponse(UUID id, String authorId, String text, Instant postedAt) {
        static PostResponse of(SwarmPost post) {
            return new PostResponse(post.postId, post.authorId, post.text, post.postedAt);
        }
    }
}
