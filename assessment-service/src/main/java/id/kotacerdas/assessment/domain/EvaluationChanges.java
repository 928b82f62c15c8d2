package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a correction of a recorded evaluation result changes ({@code fields} names those given, so that a
 * field given as null, e.g. a rank that is not known after all, differs from a field left out), with the same names
 * and rules as on recording. The region and year are the result's identity and are not among them.
 */
public record EvaluationChanges(Set<String> fields, BigDecimal index, Map<String, BigDecimal> dimensions,
        Map<String, BigDecimal> pillars, Integer nationalRank, Integer provincialRank, String letterNumber,
        LocalDate letterDate, Occurred occurred, List<Source> sources, String note) {

    /** What a correction may change. */
    public static final List<String> CORRECTABLE = List.of("index", "dimensions", "pillars", "nationalRank",
            "provincialRank", "letterNumber", "letterDate", "occurred", "sources", "note");

    public EvaluationChanges {
        fields = fields == null ? Set.of() : Set.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }
}
