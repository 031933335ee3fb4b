package io.caseswarm.cases.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.cases.domain.Resolution;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.PersonIds;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;
import io.quarkus.security.ForbiddenException;

/**
 * What a swarm asks of its case on somebody's behalf (Slack's "Notify customer" and "Resolve case"): done
 * through the very commands the REST API uses, as that person with the roles swarm-service says the
 * directory gives them, so every rule of the API applies again: the roles its endpoints allow (agent or
 * lead), the case's own rules (a resolved case takes no resolution; only its owner or a lead resolves it;
 * only swarm members are named as having helped), and the limits of its requests. What those rules refuse
 * is {@link Refused}: permanent, so never retried, and recorded on the case instead
 * ({@link #recordRefusal}). Services only talk through events, so the request is an event, not a call.
 */
@ApplicationScoped
public class SwarmCaseActions {

    public static final String CUSTOMER_UPDATE = "swarm-customer-update-requested";
    public static final String RESOLUTION = "swarm-resolution-requested";
    /** As {@code POST /cases/{id}/messages} and {@code /resolve} take them (MessageRequest, ResolveRequest). */
    static final int MAX_MESSAGE = 20_000;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_HELPERS = 20;

    private final CaseCommands commands;

    SwarmCaseActions(CaseCommands commands) {
        this.commands = commands;
    }

    /** Joins the inbox's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeToCustomer(CustomerUpdateRequested asked) {
        Request request = new Request(asked.swarmId(), asked.caseId(), asked.requestId(), "notify-customer",
                asked.personId());
        refusing(request, () -> {
            Caller caller = actingAs(asked.swarmId(), asked.caseId(), asked.personId(), asked.roles(),
                    "Only agents and leads write to customers");
            commands.addMessage(asked.caseId(), text(asked.text(), MAX_MESSAGE, "A message"), Visibility.PUBLIC, caller);
        });
    }

    /** Joins the inbox's transaction; the case's {@code case-resolved} then closes the swarm. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(ResolutionRequested asked) {
        Request request = new Request(asked.swarmId(), asked.caseId(), asked.requestId(), "resolve", asked.personId());
        refusing(request, () -> {
            Caller caller = actingAs(asked.swarmId(), asked.caseId(), asked.personId(), asked.roles(),
                    "Only agents and leads resolve cases");
            List<String> helpedBy = asked.helpedBy() == null ? List.of() : asked.helpedBy();
            if (helpedBy.size() > MAX_HELPERS) {
                throw new InvalidFieldException("helpedBy", "at most " + MAX_HELPERS + " people");
            }
            commands.resolve(asked.caseId(),
                    new Resolution(text(asked.summary(), MAX_SUMMARY, "A resolution summary"), helpedBy), caller);
        });
    }

    /** Records a refusal as the delivery's effect, in a transaction of its own (the refused one rolled back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRefusal(Refused refused) {
        Request request = refused.request();
        commands.recordSwarmActionRefused(request.caseId(), request.swarmId(), request.requestId(), request.action(),
                request.personId(), refused.getMessage());
    }

    /**
     * The person as the API would see them: the swarm must be one on this case (as swarm-service told), the
     * person a directory id, and their roles those the REST endpoint allows.
     */
    private static Caller actingAs(UUID swarmId, UUID caseId, String personId, List<String> roles, String roleRefusal) {
        CaseSwarm swarm = swarmId == null ? null : CaseSwarm.findById(swarmId);
        if (swarm == null || !swarm.caseId.equals(caseId)) {
            throw new CommandRejectedException("Swarm " + swarmId + " is not a swarm on this case");
        }
        if (personId == null || !personId.matches(PersonIds.PATTERN)) {
            throw new CommandRejectedException("Nobody of the directory asked");
        }
        Set<String> held = roles == null ? Set.of() : new HashSet<>(roles);
        Caller caller = Caller.actingAs(personId, held);
        if (!caller.isAny(Roles.AGENT, Roles.LEAD)) {
            throw new ForbiddenException(roleRefusal + ", and the directory does not list " + personId + " as either");
        }
        return caller;
    }

    private static String text(String text, int max, String what) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new InvalidFieldException("text", what + " has 1 to " + max + " characters");
        }
        return stripped;
    }

    /** Runs {@code command}; what the API would answer 4xx to becomes {@link Refused}. */
    private static void refusing(Request request, Runnable command) {
        try {
            command.run();
        } catch (CommandRejectedException | ForbiddenException | ForbiddenFieldsException | InvalidFieldException
                | NotFoundException e) {
            throw new Refused(request, e.getMessage());
        }
    }

    /** Who asked what of which case from which swarm. */
    public record Request(UUID swarmId, UUID caseId, UUID requestId, String action, String personId) {
    }

    /**
     * A request the case's rules refused. Thrown out of the inbox's transaction, which rolls back whatever the
     * command had begun, so that the refusal can be recorded as the delivery's effect instead.
     */
    public static final class Refused extends RuntimeException {

        private final transient Request request;

        Refused(Request request, String reason) {
            super(reason, null, false, false);
            this.request = request;
        }

        public Request request() {
            return request;
        }
    }

    public record CustomerUpdateRequested(UUID swarmId, UUID caseId, UUID requestId, String personId,
            List<String> roles, String text) {
    }

    public record ResolutionRequested(UUID swarmId, UUID caseId, UUID requestId, String personId, List<String> roles,
            String summary, List<String> helpedBy) {
    }
}
