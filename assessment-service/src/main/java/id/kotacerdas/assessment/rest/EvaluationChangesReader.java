package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.kotacerdas.assessment.domain.EvaluationChanges;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code changes} of a correction, read field by field: each named with {@code changes.<field>} when bad. */
final class EvaluationChangesReader {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** A field's name in the request → its former name, which the domain, the revisions and the events keep. */
    static final Map<String, String> RENAMED = Map.of("letterIssuedOn", "letterDate", "evaluationYear", "year");

    private EvaluationChangesReader() {
    }

    static EvaluationChanges read(ObjectNode given) {
        if (given == null) {
            return null;
        }
        // the request's names for the fields the domain and the events still call by their first names
        ObjectNode changes = given.deepCopy();
        for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
            if (changes.has(renamed.getKey())) {
                if (changes.has(renamed.getValue())) {
                    throw ProblemException.badRequest("changes." + renamed.getKey(), "is given twice: also as `"
                            + renamed.getValue() + "`, its former name");
                }
                changes.set(renamed.getValue(), changes.remove(renamed.getKey()));
            }
        }
        Set<String> fields = new HashSet<>();
        for (Iterator<String> it = changes.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (name.equals("year") || name.equals("regionCode")) {
                throw ProblemException.badRequest("changes." + name, "is the result's identity and is not corrected: "
                        + "withdraw the result and record it again");
            }
            if (!EvaluationChanges.CORRECTABLE.contains(name)) {
                throw ProblemException.badRequest("changes." + name, "is not a correctable field; one of "
                        + EvaluationChanges.CORRECTABLE);
            }
            fields.add(name);
        }
        return new EvaluationChanges(fields, value(changes, "index", new TypeReference<BigDecimal>() { }),
                value(changes, "dimensions", new TypeReference<Map<String, BigDecimal>>() { }),
                value(changes, "pillars", new TypeReference<Map<String, BigDecimal>>() { }),
                value(changes, "nationalRank", new TypeReference<Integer>() { }),
                value(changes, "provincialRank", new TypeReference<Integer>() { }),
                value(changes, "letterNumber", new TypeReference<String>() { }),
                value(changes, "letterDate", new TypeReference<LocalDate>() { }),
                value(changes, "occurred", new TypeReference<Occurred>() { }),
                value(changes, "sources", new TypeReference<List<Source>>() { }),
                value(changes, "note", new TypeReference<String>() { }));
    }

    private static <T> T value(ObjectNode changes, String field, TypeReference<T> type) {
        JsonNode node = changes.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (field.equals("index") && !node.isNumber() || (field.endsWith("Rank") && !node.isIntegralNumber())
                || ((field.equals("letterNumber") || field.equals("note")) && !node.isTextual())) {
            throw ProblemException.badRequest("changes." + field, "has the wrong type");
        }
        if (field.equals("nationalRank") && (node.asInt() < 1 || node.asInt() > 600)
                || field.equals("provincialRank") && (node.asInt() < 1 || node.asInt() > 100)) {
            throw ProblemException.badRequest("changes." + field, "is out of range");
        }
        if (field.equals("note") && node.asText().length() > 2000) {
            throw ProblemException.badRequest("changes.note", "must be at most 2000 characters");
        }
        try {
            return JSON.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("changes." + field, "cannot be read as on recording");
        }
    }
}
