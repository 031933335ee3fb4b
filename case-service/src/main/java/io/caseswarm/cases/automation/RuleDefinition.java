package io.caseswarm.cases.automation;

import java.util.List;

/** A rule as it runs: what sets it off, what must hold of the case, and what it then does. */
public record RuleDefinition(Trigger trigger, List<Condition> conditions, List<RuleAction> actions) {

    public RuleDefinition {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
