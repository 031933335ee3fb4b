package io.caseswarm.cases.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.cases.sla.BusinessTime;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A business calendar as the database keeps it: what {@link BusinessCalendar} is built from, in text.
 *
 * <p>A plain table, not an event stream, like the groups and the custom field declarations: a calendar is
 * this service's configuration, which an admin keeps up to date, and nothing is decided from its past.
 * Changing a calendar changes the business time of what is measured on it from then on.
 */
@Entity
@Table(name = "business_calendar")
public class StoredCalendar extends PanacheEntityBase {

    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,39}$";
    public static final String ID_MESSAGE =
            "must be a calendar id: 2 to 40 lower-case letters, digits or '-', starting with a letter or digit";
    /** The calendar the migration ships, which admins may replace but which is always there. */
    public static final String DEFAULT_ID = "default";

    @Id
    public String id;
    public String name;
    public String timeZone;
    /** Each worked day's spans, by the day's lower-case English name: {@code "monday": ["09:00-13:00"]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<String>> hours;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> holidays;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> yearlyHolidays;
    public Instant updatedAt;
    public String updatedBy;

    /**
     * Time as calendar {@code id} counts it. A case keeps the id of the calendar its SLA counts on, and
     * calendars are never deleted; were one missing, every hour counts rather than none.
     */
    public static BusinessTime businessTime(String id) {
        return StoredCalendar.<StoredCalendar>findByIdOptional(id).<BusinessTime>map(
                StoredCalendar::calendar).orElse(BusinessTime.ALWAYS);
    }

    /** The calendar to compute with. */
    public BusinessCalendar calendar() {
        Map<DayOfWeek, List<WorkingSpan>> weekly = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, spans) -> weekly.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                spans.stream().map(WorkingSpan::parse).toList()));
        return new BusinessCalendar(id, name, ZoneId.of(timeZone), weekly, new Holidays(
                holidays.stream().map(LocalDate::parse).collect(Collectors.toSet()),
                yearlyHolidays.stream().map(day -> MonthDay.parse("--" + day)).collect(Collectors.toSet())));
    }

    /** Takes the definition of {@code calendar} (not its id), in order: days of the week, dates, month and day. */
    public void define(BusinessCalendar calendar) {
        name = calendar.name();
        timeZone = calendar.zone().getId();
        hours = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!calendar.hoursOn(day).isEmpty()) {
                hours.put(dayName(day), calendar.hoursOn(day).stream().map(WorkingSpan::toString).toList());
            }
        }
        holidays = calendar.holidays().dates().stream().sorted().map(LocalDate::toString).toList();
        yearlyHolidays = calendar.holidays().yearly().stream().sorted().map(StoredCalendar::monthDay).toList();
    }

    /** {@code "monday"}: how the API and the table name a day. */
    public static String dayName(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    /** {@code "12-25"}: how the API and the table write a yearly holiday. */
    public static String monthDay(MonthDay day) {
        return day.toString().substring(2);
    }

    /** Calendars in order of their ids, after {@code afterId} (null for the first page), at most {@code limit}. */
    public static List<StoredCalendar> page(String afterId, int limit) {
        return (afterId == null ? find("order by id") : find("id > ?1 order by id", afterId)).page(0, limit).list();
    }

    /** Keeps other writers of calendars waiting until this transaction ends, so two admins do not both insert one. */
    public static void lockForWriting() {
        getEntityManager().createNativeQuery("lock table business_calendar in share row exclusive mode").executeUpdate();
    }
}
