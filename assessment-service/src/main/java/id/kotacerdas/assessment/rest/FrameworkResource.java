package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.web.SortOrder;
import jakarta.validation.constraints.Size;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.domain.FrameworkStatus;
import id.kotacerdas.assessment.service.AuditService;
import id.kotacerdas.platform.audit.AuditEntryView;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.web.PageParams;
import jakarta.ws.rs.BeanParam;
import id.kotacerdas.assessment.service.FrameworkService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Idempotent
@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class FrameworkResource {

    static final String DOCUMENT_EXAMPLE = """
            {"$schema":"/schemas/framework.v1.json","code":"kominfo-readiness","name":"Kominfo readiness criteria (2024 draft)",\
            "metadata":{"weightNote":"Weights are not published; equal weights."},\
            "scales":[{"id":"readiness","levels":[{"value":1,"label":"Very low"},{"value":2,"label":"Low"},\
            {"value":3,"label":"Moderate"},{"value":4,"label":"High"},{"value":5,"label":"Very high"}]}],\
            "criteria":[{"code":"K1","name":"Regional readiness","weight":50,"indicators":[{"code":"K1.1","name":"Regional readiness",\
            "weight":100,"type":"ORDINAL","direction":"HIGHER_IS_BETTER","scale":"readiness"}]},\
            {"code":"K2","name":"SPBE index","weight":50,"indicators":[{"code":"K2.1","name":"SPBE index","weight":100,\
            "type":"ORDINAL","direction":"HIGHER_IS_BETTER","scale":"readiness"}]}]}""";
    static final String VIEW_EXAMPLE = """
            {"code":"kominfo-readiness","version":3,"status":"DRAFT","revision":0,\
            "weightRule":"Weights are percentages: at each level (the criteria; the sub-dimensions of a criterion; the indicators of a criterion or sub-dimension) they add up to exactly 100.",\
            "createdAt":"2026-12-01T08:00:00Z","createdBy":"ministry","updatedAt":"2026-12-01T08:00:00Z","updatedBy":"ministry",\
            "document":""" + DOCUMENT_EXAMPLE + "}";
    static final String ROLES_READ = " Roles: every role; drafts only `ministry-admin` and `auditor`.";

    @Inject
    FrameworkService frameworks;

    @Inject
    AuditService audit;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    /** The {@code sort} parameter's values. */
    static final String SORT_REGEX = "[-+]?(code|version|publishedAt|createdAt)";

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listFrameworkVersions", summary = "List framework versions",
            description = "Every version of every framework, by default by code and newest version first. Callers who may not see drafts see the published versions." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "A page of versions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.Page.class),
                    examples = @ExampleObject(name = "shipped", value = """
                            {"items":[{"code":"kominfo-readiness","version":2,"status":"PUBLISHED","name":"Kominfo readiness criteria (2023)",\
                            "criteria":5,"indicators":5,"publishedAt":"2026-12-01T08:00:00Z"},{"code":"spbe","version":1,"status":"PUBLISHED",\
                            "name":"Indeks SPBE (PermenPANRB 59/2020)","criteria":4,"indicators":47,"publishedAt":"2026-12-01T08:00:00Z"}],\
                            "page":0,"size":20,"total":2,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "A filter, the sort or the page is invalid.")
    public Uni<FrameworkVersionView.Page> list(
            @Parameter(description = "Only this framework.", example = "spbe")
            @QueryParam("code") @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Parameter(description = "Only drafts or only published versions.") @QueryParam("status") FrameworkStatus status,
            @Parameter(description = "One of code, version, publishedAt, createdAt; `-` in front for descending. "
                    + "Absent: by code, newest version first.", example = "-publishedAt")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of code, version, publishedAt, createdAt, optionally prefixed with - for descending") String sort,
            @Valid @BeanParam PageParams paging) {
        return frameworks.list(Caller.of(identity), code, status, SortOrder.parse(sort), paging.page, paging.size)
                .map(result -> new FrameworkVersionView.Page(result.items().stream().map(FrameworkMapper::toSummary).toList(),
                        paging.page, paging.size, result.total(), paging.totalPages(result.total())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "importFramework", summary = "Import a framework document as a new draft version",
            description = """
                    Creates a DRAFT version from a framework document (JSON Schema `/schemas/framework.v1.json`; an \
                    exported document imports as is): the next version of its code, or the version it names when that \
                    is the next one. A new year's criteria are a new version. Weights must add up to 100 at each level. \
                    Send an `Idempotency-Key` so that a retry creates nothing twice. Audited. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FrameworkDocument.class), examples = @ExampleObject(name = "two criteria", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is the version's URI and `ETag` its revision.",
            headers = { @Header(name = "Location", description = "URI of the new version."),
                    @Header(name = "ETag", description = "The version's revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The document is malformed or a field is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "blank name", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "409", description = "The version named in the document exists.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "Weights that do not add up, unknown scales, duplicate codes, thresholds with gaps, a version that is not the next, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "weights", value = ApiDocs.EXAMPLE_422_WEIGHTS)))
    public Uni<Response> importFramework(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY, example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull FrameworkDocument body,
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, body,
                () -> frameworks.create(caller, body.code(), body.version(), FrameworkMapper.toContent(body)),
                created -> new IdempotentResult.Created<>(
                        uri.getBaseUriBuilder().path("api/v1/frameworks/{code}/versions/{version}")
                                .build(created.code, created.version),
                        Long.toString(created.revision), FrameworkMapper.toView(created)));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getFrameworkVersion", summary = "Read a framework version",
            description = "The version's status and document. The `ETag` is the revision to send in `If-Match`." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "The version.",
            headers = @Header(name = "ETag", description = "The version's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code or version is malformed.")
    @APIResponse(responseCode = "404", description = "No such version (or a draft the caller may not see).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> get(
            @Parameter(description = "Framework code.", example = "spbe") @PathParam("code")
            @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Parameter(description = "Version number.", example = "1") @PathParam("version") @Min(1) @Max(1000) int version) {
        return frameworks.get(Caller.of(identity), code, version)
                .map(found -> Response.ok(FrameworkMapper.toView(found)).tag(ETags.of(found.revision)).build());
    }

    @PUT
    @Path("/{code}/versions/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "replaceFrameworkDraft", summary = "Replace a draft version's document",
            description = """
                    Replaces the whole document of a DRAFT. `If-Match` must carry the ETag you read (`412` when \
                    someone changed it since, `428` without). A PUBLISHED version never changes: `409` naming the \
                    state. The document's `code` (and `version`, when given) must be the path's. Sending it unchanged \
                    changes nothing. Audited (before and after). Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FrameworkDocument.class), examples = @ExampleObject(name = "two criteria", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The version's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The document is malformed, a field is invalid, or If-Match is not an ETag.")
    @APIResponse(responseCode = "404", description = "No such version.")
    @APIResponse(responseCode = "409", description = "The version is PUBLISHED.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "published", value = """
                            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
                            "detail":"Framework spbe v1 is PUBLISHED (since 2026-12-01T08:00Z) and can no longer be changed; create a new version to change its criteria."}""")))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "Weights that do not add up (or another rule of the framework), or a code or version other than the path's.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "weights", value = ApiDocs.EXAMPLE_422_WEIGHTS)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> replace(
            @Parameter(description = "Framework code.", example = "kominfo-readiness") @PathParam("code")
            @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Parameter(description = "Version number.", example = "3") @PathParam("version") @Min(1) @Max(1000) int version,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FrameworkDocument body) {
        Long expected = ETags.revision(ifMatch);
        if (!body.code().equals(code)) {
            throw ProblemException.unprocessable("code", "must be the path's code " + code);
        }
        if (body.version() != null && body.version() != version) {
            throw ProblemException.unprocessable("version", "must be the path's version " + version + ", or left out");
        }
        return frameworks.replace(Caller.of(identity), code, version, expected, FrameworkMapper.toContent(body))
                .map(found -> Response.ok(FrameworkMapper.toView(found)).tag(ETags.of(found.revision)).build());
    }

    @POST
    @Path("/{code}/versions/{version}/publication")
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "publishFrameworkVersion", summary = "Publish a draft version",
            description = """
                    Freezes a DRAFT: from now on it never changes and cycles may use it. `If-Match` must carry the \
                    ETag you read. A version already published is `409`. Audited. Roles: `ministry-admin`.""")
    @APIResponse(responseCode = "200", description = "Published.",
            headers = @Header(name = "ETag", description = "The version's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class)))
    @APIResponse(responseCode = "400", description = "If-Match is not an ETag.")
    @APIResponse(responseCode = "404", description = "No such version.")
    @APIResponse(responseCode = "409", description = "Already PUBLISHED.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> publish(
            @Parameter(description = "Framework code.", example = "kominfo-readiness") @PathParam("code")
            @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Parameter(description = "Version number.", example = "3") @PathParam("version") @Min(1) @Max(1000) int version,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.revision(ifMatch);
        return frameworks.publish(Caller.of(identity), code, version, expected)
                .map(found -> Response.ok(FrameworkMapper.toView(found)).tag(ETags.of(found.revision)).build());
    }

    @GET
    @Path("/{code}/versions/{version}/document")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "exportFrameworkVersion", summary = "Export a framework version as a document",
            description = "The version in the import format (JSON Schema `/schemas/framework.v1.json`), as a download; importing it creates the next version." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "The document.",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"<code>.v<version>.json\"`"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkDocument.class),
                    examples = @ExampleObject(name = "document", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code or version is malformed.")
    @APIResponse(responseCode = "404", description = "No such version (or a draft the caller may not see).")
    public Uni<Response> export(
            @Parameter(description = "Framework code.", example = "spbe") @PathParam("code")
            @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Parameter(description = "Version number.", example = "1") @PathParam("version") @Min(1) @Max(1000) int version) {
        return frameworks.get(Caller.of(identity), code, version).map(found -> Response.ok(FrameworkMapper.toDocument(found))
                .header("Content-Disposition", "attachment; filename=\"" + found.code + ".v" + found.version + ".json\"")
                .build());
    }

    @GET
    @Path("/{code}/audit-entries")
    @RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
    @Operation(operationId = "listFrameworkAuditEntries", summary = "Audit trail of a framework",
            description = "Every change to any version of the framework, newest first: imports, replaced drafts, publications, versions loaded at start. Roles: `auditor`, `ministry-admin`.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = ApiDocs.AUDIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code or the page is invalid.")
    public Uni<AuditEntryView.Page> framework(
            @Parameter(description = "Framework code.", example = "spbe") @PathParam("code")
            @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code") String code,
            @Valid @BeanParam PageParams paging) {
        return audit.underPrefix(FrameworkService.AUDIT_RESOURCE, code, paging.page, paging.size)
                .map(found -> AuditEntryView.Page.of(found, paging));
    }
}
