package id.kotacerdas.masterplan.domain;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A correction of a ratification's facts (issue 18, item 3): the fields to change, by the names of the ratification's
 * writes — {@code instrument} (any accepted name), {@code number}, {@code occurred} (its date, DAY/MONTH/YEAR) and
 * {@code title} — each to a new value, or to {@code null} (unknown) where the fact allows it: a recorded ratification
 * may not know its instrument or date; a live one always names its instrument and its year. The rules are those of
 * the writes: the instrument's name stands for a kind, the date is not in the future and not before 2017 unless the
 * plan is SELF_MADE. A change that changes nothing is no correction ({@code 400} naming {@code changes}).
 */
public final class RatificationCorrection {

    /** The fields a correction may change. */
    public static final List<String> FIELDS = List.of("instrument", "number", "occurred", "title");

    /** The ratification as it now stands, the fields that changed, and their earlier values. */
    public record Applied(Masterplan.Ratification now, List<String> changed, Map<String, Object> previous) {
    }

    private RatificationCorrection() {
    }

    /**
     * Applies {@code changes} (already parsed: {@code occurred} an {@link Occurred}, the others strings or
     * {@code null}) to {@code r}.
     *
     * @param recorded whether the ratification was recorded from its sources (may then be unknown)
     */
    public static Applied apply(Masterplan.Ratification r, Map<String, Object> changes, boolean recorded,
            MasterplanKind kind, Clock clock) {
        List<Violation> problems = new ArrayList<>();
        if (changes == null || changes.isEmpty()) {
            throw ProblemException.badRequest("changes", "name at least one field to change: " + String.join(", ", FIELDS));
        }
        for (String key : changes.keySet()) {
            if (!FIELDS.contains(key)) {
                problems.add(new Violation("changes." + key, "cannot be corrected; the fields of a ratification: "
                        + String.join(", ", FIELDS)));
            }
        }
        RatificationInstrument instrument = r.instrument();
        String instrumentName = r.instrumentName();
        String number = r.number();
        String title = r.title();
        Integer year = r.year();
        LocalDate date = r.date();
        Occurred occurred = r.occurred();
        if (changes.containsKey("instrument")) {
            Object v = changes.get("instrument");
            if (v == null) {
                if (!recorded) {
                    problems.add(new Violation("changes.instrument", "a live ratification names its instrument"));
                }
                instrument = null;
                instrumentName = null;
            } else if (!(v instanceof String s) || s.isBlank() || s.length() > 100) {
                problems.add(new Violation("changes.instrument", "must be an instrument's name of at most 100 characters"));
            } else {
                instrument = RatificationInstrument.resolve(s).orElse(null);
                instrumentName = s.strip();
                if (instrument == null) {
                    problems.add(new Violation("changes.instrument", "\"" + s + "\" is no instrument kind; accepted: "
                            + String.join(", ", RatificationInstrument.acceptedNames())));
                }
            }
        }
        if (changes.containsKey("number")) {
            Object v = changes.get("number");
            if (v != null && (!(v instanceof String s) || s.isBlank() || s.length() > 100)) {
                problems.add(new Violation("changes.number", "must be the instrument's number (1 to 100 characters) or null"));
            } else {
                number = v == null ? null : ((String) v).strip();
            }
        }
        if (changes.containsKey("title")) {
            Object v = changes.get("title");
            if (v != null && (!(v instanceof String s) || s.length() > 500)) {
                problems.add(new Violation("changes.title", "must be at most 500 characters or null"));
            } else {
                title = v == null || ((String) v).isBlank() ? null : ((String) v).strip();
            }
        }
        if (changes.containsKey("occurred")) {
            Object v = changes.get("occurred");
            if (v == null) {
                if (!recorded) {
                    problems.add(new Violation("changes.occurred", "a live ratification has at least its year"));
                }
                year = null;
                date = null;
                occurred = null;
            } else if (!(v instanceof Occurred given)) {
                problems.add(new Violation("changes.occurred", "must be a date with its precision, e.g. "
                        + "{\"date\": \"2019-07\", \"precision\": \"MONTH\"}"));
            } else if (problems.isEmpty()) {
                Occurred checked = given.checkedSince("changes.occurred", clock, ActDates.floorOf(kind));
                year = checked.year();
                date = checked.precision() == Occurred.Precision.DAY ? checked.firstDay() : null;
                occurred = checked;
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()), problems,
                    Map.of());
        }
        List<String> changed = new ArrayList<>();
        Map<String, Object> previous = new LinkedHashMap<>();
        if (instrument != r.instrument() || !Objects.equals(instrumentName, r.instrumentName())
                && !Objects.equals(instrumentName, r.nameAsGiven())) {
            changed.add("instrument");
            previous.put("instrument", r.instrument() == null ? null : r.instrument().name());
        }
        if (!Objects.equals(number, r.number())) {
            changed.add("number");
            previous.put("number", r.number());
        }
        Occurred before = r.actDate();
        Occurred after = date != null ? Occurred.onDay(date) : occurred != null ? occurred
                : year != null ? Occurred.inYear(year) : null;
        if (!Objects.equals(before, after)) {
            changed.add("occurred");
            previous.put("occurred", before);
        }
        if (!Objects.equals(title, r.title())) {
            changed.add("title");
            previous.put("title", r.title());
        }
        if (changed.isEmpty()) {
            throw ProblemException.badRequest("changes", "changes nothing: every value given is the ratification's already");
        }
        return new Applied(new Masterplan.Ratification(instrument, number, year, date, title, r.recordedBy(),
                r.recordedAt(), r.sources(), instrumentName, occurred, r.currentRevision() + 1, null), changed, previous);
    }

    /** The ratification withdrawn: its value unchanged, its revision one more, why and by whom. */
    public static Masterplan.Ratification withdraw(Masterplan.Ratification r, OffsetDateTime at, String by, String reason,
            List<Masterplan.Source> sources) {
        return new Masterplan.Ratification(r.instrument(), r.number(), r.year(), r.date(), r.title(), r.recordedBy(),
                r.recordedAt(), r.sources(), r.instrumentName(), r.occurred(), r.currentRevision() + 1,
                new Masterplan.Withdrawn(at, by, reason, sources));
    }
}
