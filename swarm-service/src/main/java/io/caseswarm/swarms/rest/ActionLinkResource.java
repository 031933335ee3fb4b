package io.caseswarm.swarms.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.caseswarm.platform.actionlink.ActionLink;
import io.caseswarm.platform.actionlink.ActionLinks;
import io.caseswarm.platform.actionlink.InvalidActionLinkException;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.swarms.projection.SwarmView;
import io.caseswarm.swarms.service.ActionLinkCommands;
import io.caseswarm.swarms.service.ActionLinkCommands.LinkUsedException;

/**
 * The join and decline links of invitation mails, for a person in a browser rather than a client of the
 * API: no bearer token, the link's signature is the credential. GET shows what the link would do and
 * does nothing, because mail scanners fetch links before the person sees them; the form's POST does it,
 * once. Left out of the OpenAPI document: these are pages, not API operations.
 */
@Path("/actions")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ActionLinkResource {

    private final ActionLinks links;
    private final ActionLinkCommands commands;

    ActionLinkResource(ActionLinks links, ActionLinkCommands commands) {
        this.links = links;
        this.commands = commands;
    }

    @GET
    @Path("/{token}")
    @Operation(hidden = true)
    public Response confirm(@PathParam("token") String token) {
        try {
            ActionLink link = links.verify(token);
            SwarmView swarm = swarm(link);
            if (commands.isUsed(link)) {
                return used();
            }
            return ActionPage.confirm(link.action(), swarm.caseNumber, swarm.question, token);
        } catch (InvalidActionLinkException e) {
            return invalid(e);
        } catch (NotFoundException e) {
            return gone();
        }
    }

    @POST
    @Path("/{token}")
    @Operation(hidden = true)
    public Response carryOut(@PathParam("token") String token) {
        try {
            ActionLink link = links.verify(token);
            SwarmView swarm = swarm(link);
            commands.carryOut(link);
            return ActionPage.done(ActionLinkCommands.JOIN.equals(link.action()) ? "joined" : "declined",
                    swarm.caseNumber);
        } catch (InvalidActionLinkException e) {
            return invalid(e);
        } catch (LinkUsedException e) {
            return used();
        } catch (NotFoundException e) {
            return gone();
        } catch (CommandRejectedException e) {
            return ActionPage.refused(Status.CONFLICT, "Nothing was changed", e.getMessage());
        }
    }

    private static SwarmView swarm(ActionLink link) {
        UUID swarmId = ActionLinkCommands.swarmOf(link);
        SwarmView swarm = SwarmView.findById(swarmId);
        if (swarm == null) {
            throw new NotFoundException();
        }
        return swarm;
    }

    private static Response invalid(InvalidActionLinkException e) {
        return switch (e.reason()) {
            case MALFORMED -> ActionPage.refused(Status.BAD_REQUEST, "This is not a working link",
                    "The link may have been cut short by the mail program. Open the invitation again and use the"
                            + " whole link, or answer in Caseswarm.");
            case FORGED -> ActionPage.refused(Status.FORBIDDEN, "This link is not valid",
                    "The link was changed after it was sent. Use the link from the invitation as it is, or"
                            + " answer in Caseswarm.");
            case EXPIRED -> ActionPage.refused(Status.GONE, "This link has expired",
                    "Links in invitations work for a limited time. Answer the invitation in Caseswarm.");
        };
    }

    private static Response used() {
        return ActionPage.refused(Status.GONE, "This link was used already",
                "Each link works once. Open the swarm in Caseswarm to see where things stand.");
    }

    private static Response gone() {
        return ActionPage.refused(Status.NOT_FOUND, "This swarm is not known",
                "The swarm this link is about is not known here.");
    }
}
