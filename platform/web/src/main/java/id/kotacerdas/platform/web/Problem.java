package id.kotacerdas.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, served as `application/problem+json`. Members without a "
        + "value are left out (never `null`).", requiredProperties = { "type", "title", "status" })
public record Problem(
        @Schema(description = "A URI that identifies the problem type.", format = "uri",
                examples = "https://kotacerdas.id/problems/validation")
        URI type,
        @Schema(description = "A short summary of the problem type.", examples = "Invalid request")
        String title,
        @Schema(description = "The HTTP status code.", minimum = "400", maximum = "599", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence.", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path of this occurrence (a relative URI reference).", format = "uri-reference",
                examples = "/api/v1/regions/18.72/profile")
        URI instance,
        @Schema(description = "The request id (`X-Request-Id`), to quote when reporting the problem.",
                examples = "6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11")
        String requestId,
        @Schema(description = "Each invalid field and the reason; present for validation problems.")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://kotacerdas.id/problems/";
}
