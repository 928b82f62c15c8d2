package id.kotacerdas.platform.openapi;

import id.kotacerdas.platform.web.HttpLayerProblems;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation can give, so that no operation's documentation is missing them: 401 and
 * 403 on secured operations; on all, 400 (a request the HTTP layer cannot read), 406, 414 and 431 (the limits of
 * platform-web's {@code HttpLayerProblems}) and 500. Operation-specific errors are declared on the resources
 * themselves; those are kept. Examples are JSON objects.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        int maxTarget = config.getOptionalValue(HttpLayerProblems.MAX_TARGET_PROPERTY, Integer.class)
                .orElse(HttpLayerProblems.DEFAULT_MAX_TARGET);
        int maxHeaders = config.getOptionalValue(HttpLayerProblems.MAX_HEADERS_PROPERTY, Integer.class)
                .orElse(HttpLayerProblems.DEFAULT_MAX_HEADERS);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            String instance = example(path.getKey());
            for (Operation operation : operations.values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    continue;
                }
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                        || openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
                add(responses, "400", "The request cannot be read: malformed percent-encoding, or a control character "
                        + "(such as NUL) in the path or a header.", problem("validation", "Invalid request", 400,
                                "path: must not contain NUL or other control characters", instance,
                                List.of(Map.of("field", "path", "message", "must not contain NUL or other control characters"))));
                if (secured) {
                    add(responses, "401", "No valid bearer token.", problem("unauthorized", "Unauthorized", 401,
                            "A valid bearer token from the kotacerdas realm is required.", instance, null));
                    add(responses, "403", "The token's roles do not allow this operation.", problem("forbidden", "Forbidden",
                            403, "Your roles do not allow this operation.", instance, null));
                }
                add(responses, "406", "The Accept header asks for a media type other than JSON.", problem("not-acceptable",
                        "Not Acceptable", 406, "None of the media types in Accept can be produced; use application/json.",
                        instance, null));
                add(responses, "414", "The request target (path and query) is longer than " + maxTarget + " characters.",
                        problem("uri-too-long", "URI too long", 414, "The request target is " + (maxTarget + 10)
                                + " characters long; at most " + maxTarget + " are accepted.", instance, null));
                add(responses, "431", "The request headers are larger than " + maxHeaders + " bytes.",
                        problem("request-header-fields-too-large", "Request header fields too large", 431,
                                "The request headers take " + (maxHeaders + 100) + " bytes; at most " + maxHeaders
                                        + " are accepted.", instance, null));
                add(responses, "500", "An unexpected failure; quote the request id when reporting it.", problem("internal",
                        "Internal error", 500, "The request could not be completed; quote the request id when reporting it.",
                        instance, null));
                problemContentForErrors(responses);
            }
        }
    }

    /** A problem document as a JSON object. */
    static Map<String, Object> problem(String slug, String title, int status, String detail, String instance,
            List<Map<String, String>> violations) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://kotacerdas.id/problems/" + slug);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("requestId", "6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11");
        if (violations != null) {
            problem.put("violations", violations);
        }
        return problem;
    }

    /** The path template with example values: {@code /api/v1/regions/{code}} becomes {@code /api/v1/regions/example}. */
    private static String example(String template) {
        return template.replaceAll("\\{[^}]+}", "example");
    }

    /**
     * Every error a resource declares (4xx, 5xx) is a problem document (RFC 9457): resources give its code,
     * description and, where useful, examples; a declared error without content gets the {@code Problem} schema here.
     */
    private static void problemContentForErrors(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            boolean error = status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
            if (error && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
            }
        });
    }

    private static void add(APIResponses responses, String status, String description, Map<String, Object> example) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .addExample("problem", OASFactory.createExample().value(example)))));
    }
}
