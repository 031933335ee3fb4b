package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.cases.customer.CustomerRecord;

/** A customer as the API shows them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerResponse(String id, String name, List<String> emails, String phone, String organisation,
        String language, String timeZone, String tier, String subject, Instant createdAt, Instant updatedAt) {

    static CustomerResponse of(CustomerRecord record, List<String> emails) {
        return new CustomerResponse(record.id, record.name, emails, record.phone, record.organisation,
                record.language, record.timeZone, record.tier, record.subject, record.createdAt, record.updatedAt);
    }
}
