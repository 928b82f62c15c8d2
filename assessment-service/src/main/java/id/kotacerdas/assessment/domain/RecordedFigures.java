package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a recorded evaluation result states beside its natural key (region code and year): the published figures,
 * the letter, the act's date, the note and the sources. Recording the same key again is a replay when nothing here
 * differs, a conflict naming the {@linkplain #firstDifference first differing field} otherwise; a correction changes
 * some of these fields and keeps their earlier values ({@link #differences}, {@link #value}).
 *
 * <p>Figures compare by value ({@code 3.1} is {@code 3.10}); sources compare by url (trimmed) and title, in order;
 * the date compares as normalized ({@code occurred} is the act's date: the letter's day, else the given date, else the
 * year).
 */
public record RecordedFigures(BigDecimal index, Map<String, BigDecimal> dimensions, Map<String, BigDecimal> pillars,
        Integer nationalRank, Integer provincialRank, String letterNumber, LocalDate letterDate, Occurred occurred,
        List<Source> sources, String note) {

    /** The fields in the order a difference is reported. */
    public static final List<String> FIELDS = List.of("index", "dimensions", "pillars", "nationalRank",
            "provincialRank", "letterNumber", "letterDate", "occurred", "sources", "note");

    public static RecordedFigures of(Evaluation e) {
        return new RecordedFigures(e.index, e.dimensions, e.pillars, e.nationalRank, e.provincialRank, e.letterNumber,
                e.letterDate, e.publishedOccurred(), e.sourceList(), e.note);
    }

    /** The first field (a figure of a map as {@code dimensions.BASELINE}) whose value differs from {@code other}'s. */
    public Optional<String> firstDifference(RecordedFigures other) {
        for (String field : FIELDS) {
            Optional<String> d = difference(field, other);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The fields (top-level names) whose values differ from {@code other}'s, in {@link #FIELDS} order. */
    public List<String> differences(RecordedFigures other) {
        List<String> out = new ArrayList<>();
        for (String field : FIELDS) {
            if (difference(field, other).isPresent()) {
                out.add(field);
            }
        }
        return out;
    }

    /** The value of a field, as a read shows it. */
    public Object value(String field) {
        return switch (field) {
            case "index" -> index;
            case "dimensions" -> dimensions;
            case "pillars" -> pillars;
            case "nationalRank" -> nationalRank;
            case "provincialRank" -> provincialRank;
            case "letterNumber" -> letterNumber;
            case "letterDate" -> letterDate;
            case "occurred" -> occurred;
            case "sources" -> sources;
            case "note" -> note;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The values of the fields, in order (null values kept). */
    public Map<String, Object> values(List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f, value(f)));
        return out;
    }

    private Optional<String> difference(String field, RecordedFigures o) {
        return switch (field) {
            case "index" -> figure(index, o.index) ? Optional.empty() : Optional.of(field);
            case "dimensions" -> map(field, dimensions, o.dimensions);
            case "pillars" -> map(field, pillars, o.pillars);
            case "nationalRank" -> Objects.equals(nationalRank, o.nationalRank) ? Optional.empty() : Optional.of(field);
            case "provincialRank" -> Objects.equals(provincialRank, o.provincialRank) ? Optional.empty() : Optional.of(field);
            case "letterNumber" -> Objects.equals(letterNumber, o.letterNumber) ? Optional.empty() : Optional.of(field);
            case "letterDate" -> Objects.equals(letterDate, o.letterDate) ? Optional.empty() : Optional.of(field);
            case "occurred" -> Objects.equals(normalized(occurred), normalized(o.occurred)) ? Optional.empty() : Optional.of(field);
            case "sources" -> sameSources(sources, o.sources) ? Optional.empty() : Optional.of(field);
            case "note" -> Objects.equals(blankless(note), blankless(o.note)) ? Optional.empty() : Optional.of(field);
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static Optional<String> map(String field, Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (a == null && b == null) {
            return Optional.empty();
        }
        if (a == null || b == null) {
            return Optional.of(field);
        }
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : ordered(keys)) {
            if (!figure(a.get(k), b.get(k))) {
                return Optional.of(field + "." + k);
            }
        }
        return Optional.empty();
    }

    /** Dimensions and pillars in their declared order, anything else after. */
    private static List<String> ordered(TreeSet<String> keys) {
        List<String> out = new ArrayList<>();
        for (EvaluationDimension d : EvaluationDimension.values()) {
            if (keys.remove(d.name())) {
                out.add(d.name());
            }
        }
        for (Pillar p : Pillar.values()) {
            if (keys.remove(p.name())) {
                out.add(p.name());
            }
        }
        out.addAll(keys);
        return out;
    }

    private static boolean figure(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Occurred normalized(Occurred o) {
        return o == null ? null : o.normalized();
    }

    private static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean sameSources(List<Source> a, List<Source> b) {
        List<Source> x = a == null ? List.of() : a;
        List<Source> y = b == null ? List.of() : b;
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            Source s = x.get(i);
            Source t = y.get(i);
            if (!Objects.equals(s.url() == null ? null : s.url().strip(), t.url() == null ? null : t.url().strip())
                    || !Objects.equals(blankless(s.title()), blankless(t.title()))
                    || !Objects.equals(s.publishedOn(), t.publishedOn())) {
                return false;
            }
        }
        return true;
    }
}
