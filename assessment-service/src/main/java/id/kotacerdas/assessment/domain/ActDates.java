package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * The dates of the programme's acts (issue 18): an act recorded after the fact keeps the date its write gave it
 * (platform {@link Occurred}), stored as its first possible day and its precision beside the recording instant; an act
 * recorded without one happened when it was recorded. These are the rules assessment-service applies on top of
 * {@link Occurred#checked}: the date an act is judged by, the deadline rule judged on the act's date, the latest of
 * the acts another depends on, and the date a letter's own date gives its act.
 */
public final class ActDates {

    private ActDates() {
    }

    /** The stored date ({@code <act>_on}, {@code <act>_precision}) as an {@link Occurred}; null when none was given. */
    public static Occurred stored(LocalDate on, String precision) {
        if (on == null || precision == null) {
            return null;
        }
        return switch (Occurred.Precision.valueOf(precision)) {
            case DAY -> Occurred.onDay(on);
            case MONTH -> Occurred.inMonth(YearMonth.from(on));
            case YEAR -> Occurred.inYear(on.getYear());
        };
    }

    /** The column value of a date: its first possible day (null when none was given). */
    public static LocalDate on(Occurred occurred) {
        return occurred == null ? null : occurred.firstDay();
    }

    /** The column value of a date's precision (null when none was given). */
    public static String precision(Occurred occurred) {
        return occurred == null ? null : occurred.normalized().precision().name();
    }

    /** The date an act is judged by: the one its write gave, else the day (in Jakarta) it was recorded. */
    public static Occurred effective(Occurred given, OffsetDateTime recorded) {
        return given != null ? given : recorded == null ? null : Occurred.at(recorded);
    }

    /**
     * A deadline judges the act's date: an act recorded now is in time up to the deadline's instant; an act of an
     * earlier date is in time when its first possible day is not after the deadline's day in Jakarta (a MONTH or
     * YEAR date gets the benefit of the doubt).
     */
    public static boolean inTime(Occurred act, OffsetDateTime recorded, OffsetDateTime deadline) {
        if (act == null) {
            return !recorded.isAfter(deadline);
        }
        return !act.firstDay().isAfter(deadline.atZoneSameInstant(Occurred.JAKARTA).toLocalDate());
    }

    /** The latest of some acts' dates (by their first possible day), null when there are none. */
    public static Occurred latest(Collection<Occurred> dates) {
        return dates.stream().filter(Objects::nonNull)
                .max(Comparator.comparing(Occurred::firstDay).thenComparing(Occurred::lastDay))
                .orElse(null);
    }

    /**
     * The date a write's own day (a letter's date) gives its act in the act's event: that day (DAY) when it lies
     * before the day of the recording in Jakarta (the act was recorded after the fact), else null (the act happened
     * when it was recorded, as before).
     */
    public static Occurred ofOwnDay(LocalDate day, OffsetDateTime recorded) {
        if (day == null || recorded == null) {
            return null;
        }
        return day.isBefore(Occurred.at(recorded).firstDay()) ? Occurred.onDay(day) : null;
    }
}
