package io.caseswarm.platform.security;

import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as their verified token says: the person (or system) id and their roles. Object-level
 * rules ("only the owner", "only a member") ask it; the role checks themselves are {@code @RolesAllowed}.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * A caller no token vouches for but another verified credential does (a signed Slack request acting as
     * the person linked to its user): {@code personId} with the {@code roles} the directory records for them.
     */
    public static Caller actingAs(String personId, Set<String> roles) {
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(personId))
                .addRoles(roles).build());
    }

    /** The token's principal name ({@code upn}, else {@code preferred_username}, else {@code sub}). */
    public String id() {
        return identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isAny(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /**
     * A customer and nothing more: sees only their own objects. Somebody who is also staff (or another
     * system) sees what staff see.
     */
    public boolean isOnlyCustomer() {
        return is(Roles.CUSTOMER) && !isAny(Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION);
    }

    public boolean isSelf(String personId) {
        return id().equals(personId);
    }

    /** Refuses with 403 unless the caller is {@code personId} or holds one of {@code overriding}. */
    public void requireSelfOr(String personId, String... overriding) {
        if (!isSelf(personId) && !isAny(overriding)) {
            throw new ForbiddenException("This belongs to " + personId + ", not to " + id());
        }
    }
}
