package io.caseswarm.cases.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.caseswarm.cases.customer.CustomerDirectory;
import io.caseswarm.cases.customer.CustomerDirectory.FailingEmail;
import io.caseswarm.cases.customer.CustomerRecord;

/** A customer as the API shows them; {@code failingEmails} lists addresses mail bounced from (absent when none). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerResponse(String id, String name, List<String> emails, List<FailingEmail> failingEmails,
        String phone, String organisation, String language, String timeZone, String tier, String subject,
        Instant createdAt, Instant updatedAt) {

    static CustomerResponse of(CustomerRecord record, CustomerDirectory directory) {
        List<FailingEmail> failing = directory.failingEmailsOf(record.id);
        return new CustomerResponse(record.id, record.name, directory.emailsOf(record.id),
                failing.isEmpty() ? null : failing, record.phone, record.organisation, record.language,
                record.timeZone, record.tier, record.subject, record.createdAt, record.updatedAt);
    }
}
