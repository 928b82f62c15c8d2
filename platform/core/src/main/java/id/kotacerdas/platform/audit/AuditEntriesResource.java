package id.kotacerdas.platform.audit;

import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail of what one service owns, read the same way in every service: {@code GET /api/v1/audit/<service>}
 * (filters {@code resourceType}, {@code resourceId}, {@code actor}, {@code from}, {@code to}; {@code page},
 * {@code size}; newest first) and {@code GET /api/v1/audit/<service>/{entryId}}, for auditors and the ministry.
 * A service exposes it with one class:
 *
 * <pre>{@code
 * @Path("/api/v1/audit/region-service")
 * public class AuditResource extends AuditEntriesResource {
 * }
 * }</pre>
 *
 * and the gateway routes that prefix to it. {@link AuditOperationIds} gives the operations ids of their own per
 * service, so that the gateway's merged document keeps every operation id unique.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = AuditEntriesResource.SECURITY_SCHEME)
public abstract class AuditEntriesResource {

    /** The name every service gives its OpenAPI security scheme (the Keycloak realm). */
    public static final String SECURITY_SCHEME = "keycloak";
    public static final String PATH_PREFIX = "/api/v1/audit/";
    static final String PROBLEM = "application/problem+json";

    static final String PAGE_EXAMPLE = """
            {"items":[{"id":"0b9e4c1a-4e0c-4a7e-9d55-3a0f3f7c2b11","occurredAt":"2026-11-23T09:02:11.123456Z",\
            "actor":{"subject":"5d1e…","username":"officer-metro","roles":["region-officer"]},\
            "action":"REGION_PROFILE_UPDATED","resourceType":"RegionProfile","resourceId":"18.72",\
            "before":{"website":"https://metrokota.go.id"},"after":{"website":"https://smartcity.metrokota.go.id"},\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11"}],"page":0,"size":20,"total":1,"totalPages":1}""";

    @Inject
    protected AuditTrail audit;

    @GET
    @RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
    @Operation(operationId = AuditOperationIds.LIST, summary = "Search this service's audit trail",
            description = "Every change this service recorded, newest first: who, when, what, before and after; "
                    + "filtered by resource, actor and time. For auditors and the ministry.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEntryView.Page> list(@Valid @BeanParam AuditFilterParams filter, @Valid @BeanParam PageParams paging) {
        return audit.find(filter.toFilter(), paging.page, paging.size).map(found -> AuditEntryView.Page.of(found, paging));
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
    @Operation(operationId = AuditOperationIds.GET, summary = "Read one audit entry",
            description = "One recorded change of this service. For auditors and the ministry.")
    @APIResponse(responseCode = "200", description = "The audit entry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "This service recorded no entry with this id.",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEntryView> get(
            @Parameter(description = "The entry's id.", example = "0b9e4c1a-4e0c-4a7e-9d55-3a0f3f7c2b11")
            @PathParam("entryId") UUID entryId) {
        return audit.get(entryId).map(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("No audit entry " + entryId + " here.");
            }
            return AuditEntryView.of(entry);
        });
    }
}
