package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.web.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Record revisions as entity tags, and back from {@code If-Match}. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /** The revision an {@code If-Match} names; {@code null} without the header (the service answers 428). */
    static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the ETag of the record, e.g. \"3\"");
        }
    }
}
