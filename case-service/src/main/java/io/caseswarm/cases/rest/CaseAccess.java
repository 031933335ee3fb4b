package io.caseswarm.cases.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;

import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.projection.CaseView;
import io.caseswarm.platform.rest.ForbiddenFieldsException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Which cases the caller may read. Staff read every case; a customer only their own; an expert only a
 * case whose open swarm they are in. To anybody else a case is "not found", so that nobody learns which
 * case ids exist.
 */
@RequestScoped
public class CaseAccess {

    private final Caller caller;
    private final CustomerDirectory directory;
    private String ownCustomerId;

    CaseAccess(Caller caller, CustomerDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    /**
     * The directory id of the customer who calls: the record their login finds. Without one yet, their
     * login's name, which no case of anybody else carries.
     */
    public String ownCustomerId() {
        if (ownCustomerId == null) {
            ownCustomerId = directory.ofLogin(caller.id()).map(record -> record.id).orElse(caller.id());
        }
        return ownCustomerId;
    }

    public CaseView readable(UUID id) {
        CaseView view = CaseView.findById(id);
        if (view == null || caller.isOnlyCustomer() && !ownCustomerId().equals(view.customerId)
                || isOnlyExpert() && !inOpenSwarm(id)) {
            throw new NotFoundException("No case " + id);
        }
        // Outside a transaction the request's session still caches what it loaded: detached, a check made
        // before a command does not hide the command's effect from the answer read after it.
        CaseView.getEntityManager().detach(view);
        return view;
    }

    /** A customer sees what is meant for them: public messages, public articles, no swarms. */
    public boolean seesOnlyPublic() {
        return caller.isOnlyCustomer();
    }

    /** A customer writes only what they may read: public messages (403 naming {@code visibility} otherwise). */
    public void requireMayWrite(Visibility visibility) {
        if (seesOnlyPublic() && visibility != Visibility.PUBLIC) {
            throw ForbiddenFieldsException.of("visibility", "a customer writes only public messages");
        }
    }

    private boolean isOnlyExpert() {
        return caller.is(Roles.EXPERT) && !caller.isAny(Roles.AGENT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION);
    }

    private boolean inOpenSwarm(UUID caseId) {
        return CaseSwarm.ofCase(caseId).stream()
                .anyMatch(swarm -> swarm.isOpen() && swarm.memberIds.contains(caller.id()));
    }
}
