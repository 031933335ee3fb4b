package io.caseswarm.cases.inbound;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.caseswarm.platform.rest.LargeBodyRoute;

/** A pushed mail may be as large as the desk takes mail ({@code caseswarm.email.max-mail-size}); other routes keep the small limit. */
@Singleton
class InboundMailLimit {

    @Produces
    @Singleton
    LargeBodyRoute pushedMail(MailSettings settings) {
        return LargeBodyRoute.of("POST", "/inbound/email/?", settings.maxMailSize().asLongValue());
    }
}
