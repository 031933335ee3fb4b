package io.caseswarm.cases.customfield;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a custom field holds, and how a value sent for it is read. Values are taken as JSON gives them,
 * never guessed at ({@code "5"} is not a number, {@code "true"} not a boolean), like every other field
 * of the API.
 */
public enum CustomFieldType {

    @JsonProperty("text") TEXT {
        @Override
        Object read(JsonNode value, List<String> allowedValues) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new UnfitValueException("must be text (null removes the value)");
            }
            String text = value.asText().strip();
            if (text.length() > MAX_TEXT) {
                throw new UnfitValueException("must be at most " + MAX_TEXT + " characters");
            }
            return text;
        }
    },

    @JsonProperty("number") NUMBER {
        @Override
        Object read(JsonNode value, List<String> allowedValues) {
            if (!value.isNumber()) {
                throw new UnfitValueException("must be a number");
            }
            BigDecimal number = value.decimalValue();
            // Within what a double holds exactly to the digit, so the value reads back as it was sent.
            if (number.abs().compareTo(LIMIT) >= 0 || number.stripTrailingZeros().precision() > MAX_DIGITS) {
                throw new UnfitValueException("must be a number of at most " + MAX_DIGITS
                        + " significant digits, less than 10^15 in size");
            }
            return number;
        }
    },

    @JsonProperty("boolean") BOOLEAN {
        @Override
        Object read(JsonNode value, List<String> allowedValues) {
            if (!value.isBoolean()) {
                throw new UnfitValueException("must be true or false");
            }
            return value.booleanValue();
        }
    },

    @JsonProperty("choice") CHOICE {
        @Override
        Object read(JsonNode value, List<String> allowedValues) {
            if (!value.isTextual() || !allowedValues.contains(value.asText())) {
                throw new UnfitValueException("must be one of " + String.join(", ", allowedValues));
            }
            return value.asText();
        }
    };

    private static final int MAX_TEXT = 500;
    private static final int MAX_DIGITS = 15;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    /** The value as a case field holds it, or {@link UnfitValueException} saying what it must be. */
    abstract Object read(JsonNode value, List<String> allowedValues);

    /** The allowed values are what a choice is; every other type has none. */
    public boolean hasAllowedValues() {
        return this == CHOICE;
    }

    /** A value that does not fit its field's type or allowed values; the message says what it must be. */
    static final class UnfitValueException extends RuntimeException {

        UnfitValueException(String mustBe) {
            super(mustBe, null, false, false);
        }
    }
}
