package id.kotacerdas.platform.time;

import com.fasterxml.jackson.annotation.JsonIgnore;
import id.kotacerdas.platform.web.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The day a programme act happened, as precisely as it is known: {@code {"date": "2022-06-03", "precision": "DAY"}},
 * {@code {"date": "2022-06", "precision": "MONTH"}} or {@code {"date": "2019", "precision": "YEAR"}} (ISO 8601 at
 * reduced precision). A write that records an act after the fact gives it; its event carries it beside the recording
 * instant, and every projection dates the act by it. Without it the act happened when it was recorded.
 *
 * <p>The rules every service applies ({@link #checked}): the form agrees with the precision, the act is not in the
 * future (its first possible day is not after today in Jakarta), and a programme act is not before the programme
 * began ({@link #PROGRAMME_START}; a region's own earlier work, such as a self-made plan, may be older:
 * {@link #checkedSince}). An act that depends on another is not before it ({@link #notBefore}). Comparisons are
 * precision-aware: {@code 2022-06} (MONTH) is not before {@code 2022-06-03} (DAY), since it may be the same day.
 */
@Schema(name = "Occurred", description = "When a programme act happened, as precisely as its source knows it. Give it "
        + "when recording an act after the fact; without it the act happened when it is recorded. `date` is ISO 8601 "
        + "at the given precision: `2022-06-03` (DAY), `2022-06` (MONTH), `2019` (YEAR). Not in the future, not before "
        + "the programme began (2017), not before the act it depends on.",
        requiredProperties = { "date" },
        examples = "{\"date\": \"2022-06-03\", \"precision\": \"DAY\"}")
public record Occurred(
        @Schema(description = "The day, month or year of the act (ISO 8601 at its precision).", examples = "2022-06-03",
                pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$", maxLength = 10)
        String date,
        @Schema(description = "How precise `date` is; when omitted, the form of `date` says it.", examples = "DAY")
        Precision precision) {

    /** How precise a date is. */
    public enum Precision {
        DAY, MONTH, YEAR
    }

    /** The first year of the programme (Gerakan Menuju 100 Smart City, 2017). */
    public static final LocalDate PROGRAMME_START = LocalDate.of(2017, 1, 1);
    /** Programme dates are Indonesian: "today" is today in Jakarta (WIB). */
    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final Pattern FORM = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    public static Occurred onDay(LocalDate day) {
        return new Occurred(day.toString(), Precision.DAY);
    }

    public static Occurred inMonth(YearMonth month) {
        return new Occurred(month.toString(), Precision.MONTH);
    }

    public static Occurred inYear(int year) {
        return new Occurred(String.format("%04d", year), Precision.YEAR);
    }

    /** The day (in Jakarta) of an instant. */
    public static Occurred at(OffsetDateTime instant) {
        return onDay(instant.atZoneSameInstant(JAKARTA).toLocalDate());
    }

    /**
     * An act's date: the given one, or, when none was given, the day (in Jakarta) it was {@code recorded};
     * {@code null} when neither is known.
     */
    public static Occurred orDayOf(Occurred given, OffsetDateTime recorded) {
        return given != null ? given : recorded == null ? null : at(recorded);
    }

    /**
     * A date as a service stores it, its first day and its precision (two columns, {@code <act>_on} and
     * {@code <act>_precision}), back as a date; a missing precision reads as DAY; {@code null} when no day is stored.
     */
    public static Occurred stored(LocalDate firstDay, Precision precision) {
        if (firstDay == null) {
            return null;
        }
        return switch (precision == null ? Precision.DAY : precision) {
            case DAY -> onDay(firstDay);
            case MONTH -> inMonth(YearMonth.from(firstDay));
            case YEAR -> inYear(firstDay.getYear());
        };
    }

    /** The first day of a date as stored ({@code <act>_on}); {@code null} for none. */
    public static LocalDate firstDayOf(Occurred date) {
        return date == null ? null : date.firstDay();
    }

    /** The precision of a date as stored ({@code <act>_precision}); {@code null} for none. */
    public static Precision precisionOf(Occurred date) {
        return date == null ? null : date.normalized().precision();
    }

    /**
     * This date, validated for a programme act recorded now: well-formed, not in the future, not before 2017.
     * {@code field} names it in a 400 ({@code occurred}, {@code signing.occurred} …). Returns the date with its
     * precision filled in.
     */
    public Occurred checked(String field, Clock clock) {
        return checkedSince(field, clock, PROGRAMME_START);
    }

    /** As {@link #checked}, with another earliest day (a region's own earlier work); {@code null}: no floor. */
    public Occurred checkedSince(String field, Clock clock, LocalDate floor) {
        Occurred full = withPrecision(field);
        LocalDate today = LocalDate.now(clock.withZone(JAKARTA));
        if (full.firstDay().isAfter(today)) {
            throw ProblemException.badRequest(field, "lies in the future (" + date + " is after " + today + ")");
        }
        if (floor != null && full.lastDay().isBefore(floor)) {
            throw ProblemException.badRequest(field, "lies before the programme began (" + floor + ")");
        }
        return full;
    }

    /**
     * Refuses this date (400 on {@code field}) when it is surely before {@code earlier}, the date of the act it
     * depends on (named {@code what}, e.g. "the invitation"). Unknown precision leaves the benefit of the doubt: the
     * last day this date may be is compared with the first day the earlier one may be.
     */
    public void notBefore(String field, Occurred earlier, String what) {
        if (earlier != null && lastDay().isBefore(earlier.firstDay())) {
            throw ProblemException.badRequest(field, "lies before " + what + " (" + earlier.date() + ")");
        }
    }

    /** As {@link #notBefore(String, Occurred, String)} against the day an instant fell on in Jakarta. */
    public void notBefore(String field, OffsetDateTime earlier, String what) {
        if (earlier != null) {
            notBefore(field, at(earlier), what);
        }
    }

    /** The first day this date may be (1 January for a YEAR, the 1st for a MONTH). */
    @JsonIgnore
    public LocalDate firstDay() {
        return switch (precisionOrForm()) {
            case DAY -> LocalDate.parse(date);
            case MONTH -> YearMonth.parse(date).atDay(1);
            case YEAR -> LocalDate.of(Integer.parseInt(date), 1, 1);
        };
    }

    /** The last day this date may be (31 December for a YEAR, the month's end for a MONTH). */
    @JsonIgnore
    public LocalDate lastDay() {
        return switch (precisionOrForm()) {
            case DAY -> LocalDate.parse(date);
            case MONTH -> YearMonth.parse(date).atEndOfMonth();
            case YEAR -> LocalDate.of(Integer.parseInt(date), 12, 31);
        };
    }

    /** The year of the act. */
    @JsonIgnore
    public int year() {
        return firstDay().getYear();
    }

    private Precision precisionOrForm() {
        return precision != null ? precision : formOf(date);
    }

    private static Precision formOf(String date) {
        return switch (date.length()) {
            case 4 -> Precision.YEAR;
            case 7 -> Precision.MONTH;
            default -> Precision.DAY;
        };
    }

    /**
     * This date with its precision filled in, checked for form only (no clock: for a consumer reading what a
     * producer already validated). A malformed date is an {@link IllegalArgumentException}.
     */
    public Occurred normalized() {
        try {
            return withPrecision("occurred");
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private Occurred withPrecision(String field) {
        if (date == null || date.isBlank()) {
            throw ProblemException.badRequest(field + ".date", "is required");
        }
        if (!FORM.matcher(date).matches()) {
            throw ProblemException.badRequest(field + ".date",
                    "must be a date (2022-06-03), a month (2022-06) or a year (2022)");
        }
        Precision form = formOf(date);
        if (precision != null && precision != form) {
            throw ProblemException.badRequest(field + ".precision",
                    "is " + precision + " but the date " + date + " is written at " + form + " precision");
        }
        try {
            firstDay();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + ".date", "is not a calendar date: " + date);
        }
        return new Occurred(date, form);
    }
}
