package io.caseswarm.experts.domain;

import java.time.LocalDate;

/** Days from {@code from} to {@code to}, both included (time off from Monday to Friday is five days). */
public record DateRange(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
