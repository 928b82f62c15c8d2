package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.RecordedAssessmentChanges;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code changes} of a recorded outcome's correction, read field by field (a field given as null is not a field
 * absent): each named with {@code changes.<field>} when bad; the natural key is refused.
 */
final class RecordedAssessmentChangesReader {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private RecordedAssessmentChangesReader() {
    }

    static RecordedAssessmentChanges read(ObjectNode changes) {
        if (changes == null) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        for (Iterator<String> it = changes.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (RecordedAssessmentChanges.IDENTITY.contains(name)) {
                throw ProblemException.badRequest("changes." + name, "is the outcome's natural key and is not "
                        + "corrected: withdraw the outcome and record it again");
            }
            if (!RecordedAssessmentChanges.CORRECTABLE.contains(name)) {
                throw ProblemException.badRequest("changes." + name, "is not a correctable field; one of "
                        + RecordedAssessmentChanges.CORRECTABLE);
            }
            fields.add(name);
        }
        return new RecordedAssessmentChanges(fields, value(changes, "outcome", RecordedAssessment.Outcome.class),
                value(changes, "score", BigDecimal.class), value(changes, "scoreKnown", Boolean.class),
                value(changes, "rank", Integer.class), value(changes, "rankKnown", Boolean.class),
                value(changes, "invited", Occurred.class), value(changes, "submitted", Occurred.class),
                value(changes, "occurred", Occurred.class), value(changes, "assessmentYear", Integer.class));
    }

    private static <T> T value(ObjectNode changes, String field, Class<T> type) {
        JsonNode node = changes.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if ((type == BigDecimal.class && !node.isNumber()) || (type == Integer.class && !node.isIntegralNumber())
                || (type == Boolean.class && !node.isBoolean()) || (type == Occurred.class && !node.isObject())
                || (type == RecordedAssessment.Outcome.class && !node.isTextual())) {
            throw ProblemException.badRequest("changes." + field, "has the wrong type");
        }
        if (type == Integer.class && (node.asLong() < 1 || node.asLong() > 100_000)) {
            throw ProblemException.badRequest("changes." + field, "is out of range");
        }
        try {
            return JSON.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("changes." + field, "cannot be read as on recording");
        }
    }
}
