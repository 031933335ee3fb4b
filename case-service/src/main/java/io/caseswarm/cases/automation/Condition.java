package io.caseswarm.cases.automation;

import java.time.ZoneId;

/**
 * One test a case must pass for a rule to act: {@code field op value}, e.g. {@code priority in [high,
 * urgent]}. {@code value} is as the rule gave it, read for the field's kind (a list for in and not-in,
 * null for exists and is-empty); {@code zone} is where the clock's fields are read, null for others.
 */
public record Condition(String field, Operator op, Object value, ZoneId zone) {

    /** Whether the case's {@code facts} pass it, and the value it was tested on. */
    public Outcome test(CaseFacts facts) {
        Object actual = facts.valueOf(field, zone);
        return new Outcome(this, actual, op.test(actual, value));
    }

    /** A condition as tested on one case: the case's value and whether it held. */
    public record Outcome(Condition condition, Object actual, boolean holds) {
    }
}
