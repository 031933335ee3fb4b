package io.caseswarm.cases.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Values of case fields as the events carry them: text, numbers, booleans, and lists of tags. A number
 * is kept as a {@code long} when it is whole and as a {@code double} otherwise, because that is what a
 * stored event reads back as: a change decided now and the same change replayed later are then equal,
 * and 250 and 250.0 are one value.
 */
final class FieldValues {

    private FieldValues() {
    }

    static Object normalized(Object value) {
        return switch (value) {
            case null -> null;
            case Number number -> normalizedNumber(number);
            case List<?> list -> List.copyOf(list);
            default -> value;
        };
    }

    /** Tags are a set: the same tags in another order are no change. */
    static boolean same(Object one, Object other) {
        if (one instanceof List<?> a && other instanceof List<?> b) {
            return new HashSet<>(a).equals(new HashSet<>(b));
        }
        return Objects.equals(normalized(one), normalized(other));
    }

    /** No value at all: null, or no tags. */
    static boolean isEmpty(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    private static Object normalizedNumber(Number number) {
        BigDecimal decimal = new BigDecimal(number.toString());
        if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
            return decimal.longValueExact();
        }
        return decimal.doubleValue();
    }
}
