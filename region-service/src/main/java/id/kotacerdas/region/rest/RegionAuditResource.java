package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.platform.audit.AuditEntryView;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.service.AuditService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
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

    static final String PAGE_EXAMPLE = """
            {"items":[{"id":"0b9e4c1a-4e0c-4a7e-9d55-3a0f3f7c2b11","occurredAt":"2026-11-23T09:02:11.123456Z",\
            "actor":{"subject":"5d1e…","username":"officer-metro","roles":["region-officer"]},\
            "action":"REGION_PROFILE_UPDATED","resourceType":"RegionProfile","resourceId":"18.72",\
            "before":{"website":"https://metrokota.go.id"},"after":{"website":"https://smartcity.metrokota.go.id"},\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11"}],"page":0,"size":20,"total":1,"totalPages":1}""";

    @Inject
    AuditService audit;

    @GET
    @Operation(operationId = "listRegionAuditEntries", summary = "Audit trail of one region",
            description = "Every change to the region's records, newest first: who, when, what, before and after. For auditors and the ministry.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such region.")
    public Uni<AuditEntryView.Page> forRegion(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Valid @BeanParam PageParams paging) {
        return audit.forRegion(code, paging.page, paging.size).map(found -> AuditEntryView.Page.of(found, paging));
    }

}
