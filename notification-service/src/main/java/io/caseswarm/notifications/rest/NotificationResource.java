package io.caseswarm.notifications.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.caseswarm.notifications.projection.Delivery;
import io.caseswarm.platform.security.Roles;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The delivery log: what was sent to whom, newest first. It holds everybody's addresses and what they
 * were told, so it is for leads, operators and other systems, not for the recipients themselves.
 */
@Path("/notifications")
public class NotificationResource {

    @GET
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN, Roles.INTEGRATION })
    public List<DeliveryResponse> deliveries(
            @QueryParam("recipient") @NotBlank @Size(max = 320) @Email String recipient,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return Delivery.<Delivery>find("recipient", Sort.descending("at"), recipient).page(Page.ofSize(limit)).list()
                .stream().map(DeliveryResponse::of).toList();
    }

    public record DeliveryResponse(UUID id, String recipient, String channel, String template, String subject,
            String status, String reason, UUID triggeredByEvent, String triggeredByType, Instant at) {
        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.notificationId, d.recipient, d.channel, d.template, d.subject, d.status,
                    d.reason, d.triggeredByEvent, d.triggeredByType, d.at);
        }
    }
}
