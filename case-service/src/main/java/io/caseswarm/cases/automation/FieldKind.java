package io.caseswarm.cases.automation;

import java.util.EnumSet;
import java.util.Set;

import static io.caseswarm.cases.automation.Operator.CONTAINS;
import static io.caseswarm.cases.automation.Operator.EQUALS;
import static io.caseswarm.cases.automation.Operator.EXISTS;
import static io.caseswarm.cases.automation.Operator.GREATER_THAN;
import static io.caseswarm.cases.automation.Operator.IN;
import static io.caseswarm.cases.automation.Operator.IS_EMPTY;
import static io.caseswarm.cases.automation.Operator.LESS_THAN;
import static io.caseswarm.cases.automation.Operator.NOT_EQUALS;
import static io.caseswarm.cases.automation.Operator.NOT_IN;

/** What a condition's field holds, which says the operators that make sense on it and the values it takes. */
public enum FieldKind {
    /** Free text: a product, an owner's id. */
    TEXT(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, EXISTS, IS_EMPTY)),
    /** One of a known set of values: a status, a custom choice. */
    CHOICE(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, IS_EMPTY)),
    NUMBER(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, GREATER_THAN, LESS_THAN, EXISTS, IS_EMPTY)),
    BOOLEAN(EnumSet.of(EQUALS, NOT_EQUALS, EXISTS, IS_EMPTY)),
    /** A list of text, the tags: contains one, has any of (in) or none of (not-in) some. */
    TAGS(EnumSet.of(CONTAINS, IN, NOT_IN, EXISTS, IS_EMPTY)),
    /** The time of day now, {@code HH:mm}, in the condition's zone. */
    TIME_OF_DAY(EnumSet.of(GREATER_THAN, LESS_THAN)),
    /** The day of the week now ({@code monday}), in the condition's zone. */
    WEEKDAY(EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN));

    private final Set<Operator> operators;

    FieldKind(Set<Operator> operators) {
        this.operators = operators;
    }

    public Set<Operator> operators() {
        return operators;
    }

    /** The clock's fields are read in a time zone the condition names. */
    public boolean needsZone() {
        return this == TIME_OF_DAY || this == WEEKDAY;
    }
}
