package id.kotacerdas.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field of a request: where it is and what is wrong with it. */
@Schema(name = "Violation", description = "One invalid input: the field (JSON path, query or header name) and the reason.",
        requiredProperties = { "field", "message" })
public record Violation(
        @Schema(description = "The field: a JSON path into the body (`regionalHead.name`), or a query, path or header parameter name.",
                examples = "regionalHead.name")
        String field,
        @Schema(description = "Why the value was rejected.", examples = "must not be blank")
        String message) {
}
