package io.caseswarm.cases.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each operator on the values cases hold: text, numbers of any scale, booleans, tags, times; and no value. */
class OperatorTest {

    @Test
    void equalsComparesTextWithoutCaseAndNumbersByValue() {
        assertThat(Operator.EQUALS.test("Billing Cloud", "billing cloud")).isTrue();
        assertThat(Operator.EQUALS.test("Billing", "Billing Cloud")).isFalse();
        assertThat(Operator.EQUALS.test(500, new BigDecimal("500.00"))).isTrue();
        assertThat(Operator.EQUALS.test(499.5, new BigDecimal("499.50"))).isTrue();
        assertThat(Operator.EQUALS.test(true, true)).isTrue();
        assertThat(Operator.EQUALS.test(false, true)).isFalse();
        assertThat(Operator.EQUALS.test("500", new BigDecimal("500"))).as("text is not a number").isFalse();
        assertThat(Operator.EQUALS.test(null, "x")).isFalse();
    }

    @Test
    void notEqualsHoldsForAnotherValueAndForNone() {
        assertThat(Operator.NOT_EQUALS.test("high", "low")).isTrue();
        assertThat(Operator.NOT_EQUALS.test("HIGH", "high")).isFalse();
        assertThat(Operator.NOT_EQUALS.test(null, "high")).isTrue();
    }

    @Test
    void inTakesAValueAmongTheRulesOrATagListWithAnyAmongThem() {
        List<Object> urgentOrHigh = List.of("high", "urgent");
        assertThat(Operator.IN.test("urgent", urgentOrHigh)).isTrue();
        assertThat(Operator.IN.test("normal", urgentOrHigh)).isFalse();
        assertThat(Operator.IN.test(null, urgentOrHigh)).isFalse();
        assertThat(Operator.IN.test(List.of("vip", "refund"), List.of("Refund"))).isTrue();
        assertThat(Operator.IN.test(List.of(), List.of("refund"))).isFalse();
        assertThat(Operator.IN.test(3, List.of(new BigDecimal("3"), new BigDecimal("4")))).isTrue();
    }

    @Test
    void notInHoldsForNoneOfThemAndForNoValue() {
        assertThat(Operator.NOT_IN.test("normal", List.of("high", "urgent"))).isTrue();
        assertThat(Operator.NOT_IN.test("high", List.of("high", "urgent"))).isFalse();
        assertThat(Operator.NOT_IN.test(List.of("vip"), List.of("refund"))).isTrue();
        assertThat(Operator.NOT_IN.test(null, List.of("refund"))).isTrue();
    }

    @Test
    void containsFindsATagInAListAndAPartOfAText() {
        assertThat(Operator.CONTAINS.test(List.of("VIP", "billing"), "vip")).isTrue();
        assertThat(Operator.CONTAINS.test(List.of("billing"), "bill")).as("a tag is whole").isFalse();
        assertThat(Operator.CONTAINS.test("Invoices fail to sync", "FAIL")).isTrue();
        assertThat(Operator.CONTAINS.test("Invoices", "refund")).isFalse();
        assertThat(Operator.CONTAINS.test(null, "x")).isFalse();
        assertThat(Operator.CONTAINS.test(42, "4")).as("a number is not text").isFalse();
    }

    @Test
    void greaterAndLessThanCompareNumbersAndTimesAndNothingElse() {
        assertThat(Operator.GREATER_THAN.test(new BigDecimal("500.01"), new BigDecimal("500"))).isTrue();
        assertThat(Operator.GREATER_THAN.test(500, new BigDecimal("500"))).isFalse();
        assertThat(Operator.GREATER_THAN.test(1_000L, new BigDecimal("999.999"))).isTrue();
        assertThat(Operator.LESS_THAN.test(0, new BigDecimal("1"))).isTrue();
        assertThat(Operator.LESS_THAN.test(2.5, new BigDecimal("2.5"))).isFalse();
        assertThat(Operator.GREATER_THAN.test(LocalTime.of(18, 1), LocalTime.of(18, 0))).isTrue();
        assertThat(Operator.LESS_THAN.test(LocalTime.of(8, 59), LocalTime.of(9, 0))).isTrue();
        assertThat(Operator.GREATER_THAN.test(null, new BigDecimal("1"))).isFalse();
        assertThat(Operator.LESS_THAN.test("10", new BigDecimal("100"))).as("text is not a number").isFalse();
        assertThat(Operator.GREATER_THAN.test(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)).isTrue();
    }

    @Test
    void existsAndIsEmptyAskWhetherThereIsAValue() {
        for (Object none : new Object[] { null, "", "  ", List.of() }) {
            assertThat(Operator.EXISTS.test(none, null)).as("exists %s", none).isFalse();
            assertThat(Operator.IS_EMPTY.test(none, null)).as("is-empty %s", none).isTrue();
        }
        for (Object some : new Object[] { "x", 0, false, List.of("vip") }) {
            assertThat(Operator.EXISTS.test(some, null)).as("exists %s", some).isTrue();
            assertThat(Operator.IS_EMPTY.test(some, null)).as("is-empty %s", some).isFalse();
        }
    }

    @Test
    void operatorsAreNamedAsRulesWriteThem() {
        assertThat(Operator.ofLabel("greater-than")).contains(Operator.GREATER_THAN);
        assertThat(Operator.ofLabel("not-in")).contains(Operator.NOT_IN);
        assertThat(Operator.ofLabel("GREATER_THAN")).isEmpty();
        assertThat(Operator.ofLabel("matches")).isEmpty();
    }
}
