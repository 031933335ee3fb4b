package io.caseswarm.cases.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which cases a policy is for: every condition must hold; an empty list is any value, none included. */
class SlaPolicyConditionsTest {

    @Test
    void aPolicyWithoutConditionsCoversEveryCase() {
        SlaPolicy any = policy(List.of(), List.of(), List.of(), List.of());
        assertThat(any.covers(new SlaSubject("low", null, null, "api"))).isTrue();
    }

    @Test
    void everyConditionMustHoldAndANamedValueIsNeededWhereAListNamesSome() {
        SlaPolicy goldBilling = policy(List.of("high", "urgent"), List.of("Billing Cloud"), List.of("gold"), List.of());
        assertThat(goldBilling.covers(new SlaSubject("urgent", "Billing Cloud", "gold", "email"))).isTrue();
        assertThat(goldBilling.covers(new SlaSubject("normal", "Billing Cloud", "gold", "email"))).isFalse();
        assertThat(goldBilling.covers(new SlaSubject("high", "Sales Cloud", "gold", "email"))).isFalse();
        assertThat(goldBilling.covers(new SlaSubject("high", "Billing Cloud", null, "email"))).isFalse();
        assertThat(goldBilling.covers(new SlaSubject("high", null, "gold", "web"))).isFalse();
    }

    @Test
    void channelsAreAConditionLikeTheOthers() {
        SlaPolicy phone = policy(List.of(), List.of(), List.of(), List.of("phone", "chat"));
        assertThat(phone.covers(new SlaSubject("normal", null, null, "chat"))).isTrue();
        assertThat(phone.covers(new SlaSubject("normal", null, null, "email"))).isFalse();
    }

    private static SlaPolicy policy(List<String> priorities, List<String> products, List<String> tiers,
            List<String> channels) {
        SlaPolicy policy = new SlaPolicy();
        policy.priorities = priorities;
        policy.products = products;
        policy.tiers = tiers;
        policy.channels = channels;
        return policy;
    }
}
