package id.kotacerdas.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: where it is and what is wrong with it. */
@Schema(name = "Violation", description = "One invalid input: the field (JSON path, query or header name) and the reason.",
        requiredProperties = { "field", "message", "code" })
public record Violation(
        @Schema(description = "The field: a JSON path into the body (`regionalHead.name`), or a query, path or header parameter name.",
                examples = "regionalHead.name")
        String field,
        @Schema(description = "Why the value was rejected, in the language of `Accept-Language` (English, or Bahasa "
                + "Indonesia for `id`).", examples = "must not be blank")
        String message,
        @Schema(description = "The kind of reason, stable across languages and releases, for a client to act on or "
                + "translate: required, blank, size, too-long, too-large, too-small, format, state, stale, reused, "
                + "future, unknown-region, unknown-code, or invalid (any other reason; read `message`).",
                examples = "blank", maxLength = 40)
        String code) {

    /** A violation whose code is recognised from its (English) message ({@link ViolationCodes}). */
    public Violation(String field, String message) {
        this(field, message, ViolationCodes.of(message));
    }
}
