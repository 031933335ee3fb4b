package io.caseswarm.cases.rest;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.caseswarm.cases.projection.CaseApproval;
import io.caseswarm.cases.service.AutomationCommands;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Approvals automation rules ask for: the named approver approves (the held actions run) or denies;
 * nobody else decides, an admin included (403). Approvers list theirs, an admin every one.
 */
@Path("/approvals")
public class ApprovalResource {

    private static final Set<String> STATES = Set.of(CaseApproval.PENDING, CaseApproval.GRANTED, CaseApproval.DENIED);

    private final Caller caller;
    private final AutomationCommands automation;

    ApprovalResource(Caller caller, AutomationCommands automation) {
        this.caller = caller;
        this.automation = automation;
    }

    /** The caller's approvals (an admin's: all), oldest first, optionally of one {@code state}. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public Page<ApprovalResponse> list(@QueryParam("state") String state,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidFieldException("state", "must be one of pending, granted, denied");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, 2);
        return Page.of(CaseApproval.page(caller.is(Roles.ADMIN) ? null : caller.id(), state,
                after == null ? null : after.instantAt(0), after == null ? null : after.uuidAt(1), limit + 1), limit,
                approval -> Cursor.of(approval.requestedAt, approval.approvalId), ApprovalResponse::of);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public ApprovalResponse approve(@PathParam("id") UUID id) {
        return ApprovalResponse.of(automation.approve(id, caller));
    }

    @POST
    @Path("/{id}/deny")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN })
    public ApprovalResponse deny(@PathParam("id") UUID id, @Valid DenyRequest request) {
        return ApprovalResponse.of(automation.deny(id, request == null ? null : request.strippedReason(), caller));
    }

    /** The body of a refusal: why, optionally. */
    public record DenyRequest(@Size(max = 1000) String reason) {

        String strippedReason() {
            return reason == null || reason.isBlank() ? null : reason.strip();
        }
    }
}
