package io.caseswarm.cases.sla;

import java.time.Duration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A duration stored as the API writes it (ISO 8601, {@code PT4H}), so the table reads as the policy does. */
@Converter
public class IsoDuration implements AttributeConverter<Duration, String> {

    @Override
    public String convertToDatabaseColumn(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    @Override
    public Duration convertToEntityAttribute(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
