package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.QueryParams;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.service.AuditService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions/{code}/audit-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
@RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
public class RegionAuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listRegionAuditEntries", summary = "Audit trail of one region",
            description = "Every change to the region's records, newest first: who, when, what, before and after. For auditors and the ministry.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = AuditResource.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code or the page is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such region.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEntryView.Page> forRegion(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Parameter(description = "Zero-based page number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0"))
            @QueryParam("page") String pageParam,
            @Parameter(description = "Page size, at most 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String sizeParam) {
        int page = QueryParams.integer("page", pageParam, 0, 0, 100_000);
        int size = QueryParams.integer("size", sizeParam, 20, 1, 100);
        return audit.forRegion(code, page, size).map(result -> AuditResource.toPage(result, page, size));
    }

}
