package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import id.kotacerdas.region.service.AuditService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import id.kotacerdas.region.domain.RegionCode;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
@RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
@Path("/api/v1/audit-entries")
public class AuditResource {

    static final String PAGE_EXAMPLE = """
            {"items":[{"id":"0b9e4c1a-4e0c-4a7e-9d55-3a0f3f7c2b11","occurredAt":"2026-11-23T09:02:11.123456Z",\
            "actor":{"subject":"5d1e…","username":"officer-metro","roles":["region-officer"]},\
            "action":"REGION_PROFILE_UPDATED","resourceType":"RegionProfile","resourceId":"18.72",\
            "before":{"website":"https://metrokota.go.id"},"after":{"website":"https://smartcity.metrokota.go.id"},\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11"}],"page":0,"size":20,"total":1,"totalPages":1}""";

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Search the audit trail",
            description = "All recorded changes, newest first, filtered by region, actor and time. For auditors and the ministry.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditEntryView.Page> search(
            @Parameter(description = "Only changes to this region.", example = "18.72")
            @QueryParam("regionCode") @RegionCode String regionCode,
            @Parameter(description = "Only changes by this user name.", example = "officer-metro")
            @QueryParam("actor") @Size(min = 1, max = 255) String actor,
            @Parameter(description = "Only changes at or after this instant (ISO 8601).", example = "2026-11-01T00:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Only changes before this instant (ISO 8601).", example = "2026-12-01T00:00:00Z")
            @QueryParam("to") String to,
            @Parameter(description = "Zero-based page number.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0"))
            @QueryParam("page") String pageParam,
            @Parameter(description = "Page size, at most 100.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String sizeParam) {
        int page = QueryParams.integer("page", pageParam, 0, 0, 100_000);
        int size = QueryParams.integer("size", sizeParam, 20, 1, 100);
        var filter = new AuditService.Filter(regionCode, actor, instant("from", from), instant("to", to));
        return audit.find(filter, page, size).map(result -> toPage(result, page, size));
    }

    static AuditEntryView.Page toPage(AuditService.Page result, int page, int size) {
        return new AuditEntryView.Page(result.items().stream().map(AuditEntryView::of).toList(), page, size,
                result.total(), (result.total() + size - 1) / size);
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO 8601 instant with offset, e.g. 2026-11-01T00:00:00Z");
        }
    }
}
