package io.caseswarm.cases.rest;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.caseswarm.cases.automation.AutomationRule;
import io.caseswarm.cases.automation.RuleParser;
import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.cases.group.AgentGroup;
import io.caseswarm.cases.service.AutomationCommands;
import io.caseswarm.platform.clock.PlatformClock;
import io.caseswarm.platform.rest.Cursor;
import io.caseswarm.platform.rest.InvalidFieldException;
import io.caseswarm.platform.rest.Page;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * Automation rules: an admin keeps them, leads read them; both try one on a case with a dry run, which
 * changes nothing. Each save is the rule's next version; firings name the version that acted.
 */
@Path("/automation-rules")
public class AutomationRuleResource {


    private final Caller caller;
    private final ObjectMapper json;
    private final AutomationCommands automation;
    private final PlatformClock clock;

    AutomationRuleResource(Caller caller, ObjectMapper json, AutomationCommands automation, PlatformClock clock) {
        this.caller = caller;
        this.json = json;
        this.automation = automation;
        this.clock = clock;
    }

    /** By id, a cursor page at a time. */
    @GET
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public Page<AutomationRuleResponse> list(@QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return Page.of(AutomationRule.page(IdCursor.afterId(cursor, AutomationRule.ID_PATTERN), limit + 1), limit,
                rule -> Cursor.of(rule.id), rule -> AutomationRuleResponse.of(rule, json));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public AutomationRuleResponse find(@PathParam("id") String id) {
        return AutomationRuleResponse.of(existing(id), json);
    }

    /**
     * Creates the rule (201) or replaces it (200) as its next version. {@code enabled} left out keeps the
     * rule as it was (a new rule is on). Everything is checked before anything is saved.
     */
    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response put(@PathParam("id") @Pattern(regexp = AutomationRule.ID_PATTERN,
            message = AutomationRule.ID_MESSAGE) String id, JsonNode body) {
        if (body == null || body.isNull()) {
            throw new InvalidFieldException("body", "a rule is required");
        }
        RuleParser.ParsedRule parsed = RuleParser.strict(name -> CustomFieldDefinition.findById(name),
                groupId -> AgentGroup.findById(groupId) != null).rule(body);
        AutomationRule.lockForWriting();
        AutomationRule rule = AutomationRule.findById(id);
        boolean isNew = rule == null;
        if (isNew && AutomationRule.count() >= AutomationRule.MAX_RULES) {
            throw new InvalidFieldException("id", "a desk keeps at most " + AutomationRule.MAX_RULES + " rules");
        }
        if (isNew) {
            rule = new AutomationRule();
            rule.id = id;
            rule.enabled = true;
        }
        rule.name = parsed.name();
        if (parsed.enabled() != null) {
            rule.enabled = parsed.enabled();
        }
        rule.triggerEvent = parsed.definition().trigger().event();
        Map<String, Object> definition = new LinkedHashMap<>();
        for (String part : List.of("trigger", "conditions", "actions")) {
            if (body.hasNonNull(part)) {
                definition.put(part, json.convertValue(body.get(part), Object.class));
            }
        }
        rule.definition = definition;
        rule.version = isNew ? 1 : rule.version + 1;
        rule.updatedAt = clock.now().truncatedTo(ChronoUnit.MICROS);
        rule.updatedBy = caller.id();
        rule.persist();
        Response.ResponseBuilder answer = isNew ? Response.created(URI.create("/automation-rules/" + id)) : Response.ok();
        return answer.entity(AutomationRuleResponse.of(rule, json)).build();
    }

    /**
     * What the rule would do to a case now: each condition with the case's value and whether it holds,
     * and what each action would do. Nothing is changed or recorded.
     */
    @POST
    @Path("/{id}/dry-run")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public DryRunResponse dryRun(@PathParam("id") String id, @NotNull @Valid DryRunRequest request) {
        existing(id);
        return DryRunResponse.of(id, automation.dryRun(id, request.caseId()));
    }

    private static AutomationRule existing(String id) {
        return AutomationRule.<AutomationRule>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("No automation rule " + id));
    }

}
