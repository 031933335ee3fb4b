package io.caseswarm.cases.rest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.caseswarm.cases.customer.CustomerIds;

/**
 * The body of {@code POST /customers} and {@code PUT /customers/{id}}: a customer as a CRM or an admin
 * knows them. The first address is where mail goes; {@code subject} is their login's, if they have one.
 */
public record CustomerRequest(
        @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE) String id,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Email @Size(min = 3, max = 320) String> emails,
        @Size(max = 40) @Pattern(regexp = "^[0-9+() .-]{3,40}$", message = "must be a phone number: digits, spaces and + ( ) . -") String phone,
        @Size(max = 200) String organisation,
        @Size(max = 35) @Pattern(regexp = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", message = "must be a language tag such as vi, fa-IR or el") String language,
        @Size(max = 64) String timeZone,
        @Size(max = 40) String tier,
        @Size(min = 1, max = 255) String subject) {

    @AssertTrue(message = "must be a time zone of the IANA database, such as Asia/Ho_Chi_Minh")
    boolean isTimeZone() {
        try {
            return timeZone == null || ZoneId.of(timeZone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    @AssertTrue(message = "must not list an address twice")
    boolean isEmails() {
        return emails == null || emails.stream().filter(e -> e != null).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .distinct().count() == emails.stream().filter(e -> e != null).count();
    }
}
