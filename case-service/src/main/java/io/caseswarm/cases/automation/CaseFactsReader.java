package io.caseswarm.cases.automation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.caseswarm.cases.customer.CustomerRecord;
import io.caseswarm.cases.domain.AuthorRole;
import io.caseswarm.cases.domain.Visibility;
import io.caseswarm.cases.projection.CaseMessage;
import io.caseswarm.cases.projection.CaseSwarm;
import io.caseswarm.cases.projection.CaseView;

/**
 * Reads what conditions and templates see of a case from its views: its fields, its customer's tier, its
 * swarms and how often staff have answered in public, in the caller's transaction.
 */
@ApplicationScoped
public class CaseFactsReader {

    /** The case as it is at {@code now}; empty when there is no such case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CaseFacts> read(UUID caseId, Instant now) {
        CaseView view = CaseView.findById(caseId);
        if (view == null) {
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>();
        values.put(CaseFacts.NUMBER, view.number);
        values.put(CaseFacts.SUBJECT, view.subject);
        values.put(CaseFacts.CUSTOMER_NAME, view.customerName);
        values.put(RuleField.STATUS, view.status.label());
        values.put(RuleField.PRIORITY, view.priority.label());
        values.put(RuleField.CHANNEL, view.channel.name().toLowerCase(Locale.ROOT));
        values.put(RuleField.PRODUCT, view.product);
        values.put(RuleField.CATEGORY, view.category);
        values.put(RuleField.TAGS, view.tags);
        values.put(RuleField.OWNER_ID, view.ownerId);
        values.put(RuleField.GROUP_ID, view.groupId);
        CustomerRecord customer = CustomerRecord.findById(view.customerId);
        values.put(RuleField.CUSTOMER_TIER, customer == null ? null : customer.tier);
        view.customFields.forEach((name, value) -> values.put(RuleField.CUSTOM_PREFIX + name, value));
        values.put(RuleField.HAS_ACTIVE_SWARM, CaseSwarm.ofCase(caseId).stream()
                .anyMatch(CaseSwarm::isOpen));
        values.put(RuleField.PUBLIC_REPLIES, CaseMessage.count(
                "caseId = ?1 and visibility = ?2 and authorRole <> ?3 and authorId not like ?4", caseId,
                Visibility.PUBLIC, AuthorRole.CUSTOMER, AutomationRule.ACTOR_PREFIX + "%"));
        values.put(RuleField.SLA_POLICY_ID, view.slaPolicyId);
        view.sla().ifPresent(sla -> sla.clock().at(now).forEach(status -> values.put(
                RuleField.slaState(status.milestone().label()), RuleField.label(status.state()))));
        values.values().removeIf(Objects::isNull);
        return Optional.of(new CaseFacts(values, now));
    }
}
