package io.caseswarm.cases.rest;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.caseswarm.cases.customfield.CustomFieldDefinition;
import io.caseswarm.platform.rest.CommandRejectedException;
import io.caseswarm.platform.security.Caller;
import io.caseswarm.platform.security.Roles;

/**
 * The custom fields cases may have. An admin declares them; staff read them to know what a case's
 * {@code customFields} may hold. Values on cases are set with {@code PATCH /cases/{id}}.
 */
@Path("/case-fields")
public class CustomFieldResource {

    private final Caller caller;

    CustomFieldResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<CustomFieldResponse> list() {
        return CustomFieldDefinition.all().stream().map(CustomFieldResponse::of).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.AGENT, Roles.EXPERT, Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public CustomFieldResponse find(@PathParam("name") String name) {
        return CustomFieldDefinition.<CustomFieldDefinition>findByIdOptional(name).map(CustomFieldResponse::of)
                .orElseThrow(() -> new NotFoundException("No custom field " + name));
    }

    /**
     * Declares the field (201) or changes its declaration (200). Values already on cases stay as they
     * are; only new values are checked against the new declaration.
     */
    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response declare(
            @PathParam("name") @Pattern(regexp = CustomFieldDefinition.NAME_PATTERN,
                    message = CustomFieldDefinition.NAME_MESSAGE) String name,
            @NotNull @Valid CustomFieldRequest request) {
        List<String> allowedValues = request.checkedAllowedValues();
        CustomFieldDefinition.lockForDeclaring();
        CustomFieldDefinition definition = CustomFieldDefinition.findById(name);
        boolean isNew = definition == null;
        if (isNew && CustomFieldDefinition.count() >= CustomFieldDefinition.MAX_DEFINITIONS) {
            throw new CommandRejectedException("There are already " + CustomFieldDefinition.MAX_DEFINITIONS
                    + " custom fields, as many as cases may have; change one of them instead");
        }
        if (isNew) {
            definition = new CustomFieldDefinition();
            definition.name = name;
        }
        definition.type = request.type();
        definition.allowedValues = allowedValues;
        definition.label = request.strippedLabel();
        definition.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        definition.updatedBy = caller.id();
        definition.persist();
        Response.ResponseBuilder answer = isNew ? Response.created(URI.create("/case-fields/" + name)) : Response.ok();
        return answer.entity(CustomFieldResponse.of(definition)).build();
    }
}
