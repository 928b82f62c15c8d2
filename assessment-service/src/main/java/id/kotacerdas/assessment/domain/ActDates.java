package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
