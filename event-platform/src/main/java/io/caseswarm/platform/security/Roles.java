package io.caseswarm.platform.security;

/**
 * The roles a Caseswarm token carries in its {@code groups} claim. Each endpoint names the ones that
 * may call it with {@code @RolesAllowed}; an endpoint that names none is closed.
 */
public final class Roles {

    /** Owns cases: opens, assigns, resolves, asks for swarms. */
    public static final String AGENT = "agent";
    /** Is invited to swarms, answers invitations, works in the feed. */
    public static final String EXPERT = "expert";
    /** Leads a pod: may act for any owner and read any swarm. */
    public static final String LEAD = "lead";
    /** Runs the installation: directory, projections, articles. */
    public static final String ADMIN = "admin";
    /** Another system: CRM, chat widget, email gateway, portal. */
    public static final String INTEGRATION = "integration";
    /** A customer: sees their own cases and the public knowledge base. */
    public static final String CUSTOMER = "customer";

    private Roles() {
    }
}
