package io.caseswarm.cases.automation;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A case as conditions and templates see it at one instant: its fields by the names rules use
 * ({@link RuleField}), and the time, for the clock's fields. A field without a value is not in the map.
 */
public record CaseFacts(Map<String, Object> values, Instant now) {

    /** Beside the fields conditions test, what templates show and actions need. */
    public static final String NUMBER = "case.number";
    public static final String SUBJECT = "case.subject";
    public static final String CUSTOMER_NAME = "customer.name";

    public CaseFacts {
        values = Collections.unmodifiableMap(new HashMap<>(values));
    }

    /** The value of {@code field}; the time of day and weekday are read in {@code zone}. */
    public Object valueOf(String field, ZoneId zone) {
        if (RuleField.TIME_OF_DAY.equals(field)) {
            return LocalTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
        }
        if (RuleField.WEEKDAY.equals(field)) {
            return ZonedDateTime.ofInstant(now, zone).getDayOfWeek();
        }
        return values.get(field);
    }

    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }
}
