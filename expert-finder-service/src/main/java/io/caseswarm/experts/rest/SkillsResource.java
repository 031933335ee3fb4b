package io.caseswarm.experts.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.caseswarm.experts.domain.SkillTaxonomy;
import io.caseswarm.experts.projection.SkillDefinitionView;
import io.caseswarm.experts.projection.TaxonomyView;
import io.caseswarm.experts.service.SkillCommands;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * The skill taxonomy: admins say how skills relate (synonyms, broader, related with a weight), so that a request
 * phrased one way finds people whose skills are phrased another; everyone who may read people reads it.
 */
@Path("/skills")
@Produces(MediaType.APPLICATION_JSON)
public class SkillsResource {

    private final SkillCommands commands;
    private final TaxonomyView taxonomy;
    private final Caller caller;

    SkillsResource(SkillCommands commands, TaxonomyView taxonomy, Caller caller) {
        this.commands = commands;
        this.taxonomy = taxonomy;
        this.caller = caller;
    }

    /** Admin. Sets the skill's whole definition (200); a cycle or a clashing synonym is 409 naming it. */
    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public SkillResponse define(@PathParam("name") @SkillName String name, @NotNull @Valid SkillRequest body) {
        commands.define(body.definition(name), caller);
        return find(name);
    }

    /** Agent, expert, lead, admin, integration. */
    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<SkillResponse> list() {
        return SkillDefinitionView.all().stream().map(SkillResponse::of).toList();
    }

    /** Agent, expert, lead, admin, integration; 404 for a skill nobody defined. */
    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public SkillResponse find(@PathParam("name") @SkillName String name) {
        String skill = name.strip().toLowerCase(Locale.ROOT);
        return SkillDefinitionView.<SkillDefinitionView>findByIdOptional(skill).map(SkillResponse::of)
                .orElseThrow(() -> new NotFoundException("No skill " + skill + " is defined"));
    }

    /**
     * Agent, expert, lead, admin, integration. Which skills count for {@code name} in a ranking, and how much, as
     * this replica's taxonomy says now: best first. Any skill name has sources (an undefined one only itself).
     */
    @GET
    @Path("/{name}/sources")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public SourcesResponse sources(@PathParam("name") @SkillName String name) {
        SkillTaxonomy now = taxonomy.current();
        Map<String, Double> best = new LinkedHashMap<>();
        now.sources(name).entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(source -> best.put(source.getKey(), source.getValue()));
        return new SourcesResponse(name.strip().toLowerCase(Locale.ROOT), now.canonical(name), best);
    }

    /** {@code canonical}: the skill {@code skill} is a synonym of, else itself; {@code sources}: best first. */
    public record SourcesResponse(String skill, String canonical, Map<String, Double> sources) {
    }
}
