package io.caseswarm.cases.automation;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a condition compares a case's value with the rule's. Text compares without regard to case (tags
 * are kept once regardless of case, and product names are typed by people); numbers by value, whatever
 * their scale; a case without a value fits only {@code is-empty}, {@code not-equals} and {@code not-in}.
 */
public enum Operator {

    EQUALS("equals") {
        @Override
        public boolean test(Object actual, Object expected) {
            return !isEmpty(actual) && same(actual, expected);
        }
    },
    NOT_EQUALS("not-equals") {
        @Override
        public boolean test(Object actual, Object expected) {
            return !EQUALS.test(actual, expected);
        }
    },
    /** A value among the rule's; a list (tags) with any element among them. */
    IN("in") {
        @Override
        public boolean test(Object actual, Object expected) {
            List<?> allowed = (List<?>) expected;
            return elements(actual).stream().anyMatch(value -> allowed.stream().anyMatch(one -> same(value, one)));
        }
    },
    NOT_IN("not-in") {
        @Override
        public boolean test(Object actual, Object expected) {
            return !IN.test(actual, expected);
        }
    },
    /** A list (tags) with the rule's value as an element; a text with it as a part. */
    CONTAINS("contains") {
        @Override
        public boolean test(Object actual, Object expected) {
            if (actual instanceof Collection<?> values) {
                return values.stream().anyMatch(value -> same(value, expected));
            }
            return actual instanceof String text && expected instanceof String part
                    && lower(text).contains(lower(part));
        }
    },
    GREATER_THAN("greater-than") {
        @Override
        public boolean test(Object actual, Object expected) {
            return compare(actual, expected).map(order -> order > 0).orElse(false);
        }
    },
    LESS_THAN("less-than") {
        @Override
        public boolean test(Object actual, Object expected) {
            return compare(actual, expected).map(order -> order < 0).orElse(false);
        }
    },
    /** Has a value: not null, not blank, not an empty list. */
    EXISTS("exists") {
        @Override
        public boolean test(Object actual, Object expected) {
            return !isEmpty(actual);
        }
    },
    IS_EMPTY("is-empty") {
        @Override
        public boolean test(Object actual, Object expected) {
            return isEmpty(actual);
        }
    };

    private final String label;

    Operator(String label) {
        this.label = label;
    }

    /** Whether the case's {@code actual} value and the rule's {@code expected} one (a list for in and not-in) fit. */
    public abstract boolean test(Object actual, Object expected);

    /** The name rules use: {@code greater-than}. */
    public String label() {
        return label;
    }

    public static Optional<Operator> ofLabel(String label) {
        return Arrays.stream(values()).filter(operator -> operator.label.equals(label)).findFirst();
    }

    /** Exists and is-empty ask whether there is a value, and take none from the rule. */
    public boolean takesValue() {
        return this != EXISTS && this != IS_EMPTY;
    }

    /** In and not-in take a list of values; the others one value. */
    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }

    static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isBlank()
                || value instanceof Collection<?> values && values.isEmpty();
    }

    private static List<?> elements(Object actual) {
        if (actual instanceof Collection<?> values) {
            return List.copyOf(values);
        }
        return actual == null ? List.of() : List.of(actual);
    }

    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        Optional<BigDecimal> x = number(a);
        Optional<BigDecimal> y = number(b);
        if (x.isPresent() || y.isPresent()) {
            return x.isPresent() && y.isPresent() && x.get().compareTo(y.get()) == 0;
        }
        if (a instanceof String s && b instanceof String t) {
            return lower(s).equals(lower(t));
        }
        return a.equals(b);
    }

    private static Optional<Integer> compare(Object actual, Object expected) {
        Optional<BigDecimal> x = number(actual);
        Optional<BigDecimal> y = number(expected);
        if (x.isPresent() && y.isPresent()) {
            return Optional.of(x.get().compareTo(y.get()));
        }
        if (actual instanceof LocalTime a && expected instanceof LocalTime b) {
            return Optional.of(a.compareTo(b));
        }
        if (actual instanceof DayOfWeek a && expected instanceof DayOfWeek b) {
            return Optional.of(a.compareTo(b));
        }
        return Optional.empty();
    }

    /** A number as a case or a rule holds it (JSON gives integers, longs, doubles or decimals). */
    static Optional<BigDecimal> number(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case BigDecimal decimal -> Optional.of(decimal);
            case Integer i -> Optional.of(BigDecimal.valueOf(i));
            case Long l -> Optional.of(BigDecimal.valueOf(l));
            case Double d when Double.isFinite(d) -> Optional.of(BigDecimal.valueOf(d));
            case Double d -> Optional.empty();
            case Number n -> Optional.of(new BigDecimal(n.toString()));
            default -> Optional.empty();
        };
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
