package id.kotacerdas.masterplan.rest;

import id.kotacerdas.platform.web.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Versions as entity tags: {@code ETag: "3"} out, {@code If-Match: "3"} in. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} names, {@code null} without one; a {@code 400} when it is no version tag. */
    static Long versionOf(String ifMatch) {
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
            throw ProblemException.badRequest("If-Match", "must be the ETag you read, e.g. \"3\"");
        }
    }
}
