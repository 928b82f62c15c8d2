package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.web.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** Versions as entity tags: {@code ETag: "3"} out, {@code If-Match: "3"} (or {@code W/"3"}) in. */
final class ETags {

    private ETags() {
    }

    /**
     * An MoU's tag: a recorded MoU's revision (issue 18: a record is corrected under {@code If-Match: "<revision>"}),
     * a live MoU's version.
     */
    static EntityTag of(id.kotacerdas.agreement.domain.Mou mou) {
        return of(mou.recorded() ? mou.revision : mou.version);
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} names, {@code null} when absent; {@code 400} when it is not a version. */
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
