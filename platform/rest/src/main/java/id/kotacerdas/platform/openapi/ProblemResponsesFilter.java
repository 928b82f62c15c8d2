package id.kotacerdas.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation can give, so that no operation's documentation is
 * missing them: 401 and 403 on secured operations, 406 and 500 on all. Operation-specific errors are
 * declared on the resources themselves; those are kept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    continue;
                }
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                        || openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
                if (secured) {
                    add(responses, "401", "No valid bearer token.", """
                            {"type":"https://kotacerdas.id/problems/unauthorized","title":"Unauthorized","status":401,\
                            "detail":"A valid bearer token from the kotacerdas realm is required."}""");
                    add(responses, "403", "The token's roles do not allow this operation.", """
                            {"type":"https://kotacerdas.id/problems/forbidden","title":"Forbidden","status":403,\
                            "detail":"Your roles do not allow this operation."}""");
                }
                add(responses, "406", "The Accept header asks for a media type other than JSON.", """
                        {"type":"https://kotacerdas.id/problems/not-acceptable","title":"Not Acceptable","status":406,\
                        "detail":"None of the media types in Accept can be produced; use application/json."}""");
                add(responses, "500", "An unexpected failure; quote the request id when reporting it.", """
                        {"type":"https://kotacerdas.id/problems/internal","title":"Internal error","status":500,\
                        "detail":"The request could not be completed; quote the request id when reporting it."}""");
            }
        }
    }

    private static void add(APIResponses responses, String status, String description, String example) {
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
