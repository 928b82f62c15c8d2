package id.kotacerdas.masterplan.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.validation.Valid;
import id.kotacerdas.platform.web.PageParams;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.masterplan.domain.DocumentDiff;
import id.kotacerdas.masterplan.service.MasterplanService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
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

/**
 * The way of a masterplan from the region's draft to its ratification: submissions (each freezes a version), the
 * review (start, revision request with comments per section, approval), the ratification, and the frozen versions
 * with the differences between them. State changes answer the masterplan with its new {@code ETag}; {@code If-Match}
 * is optional on them (checked when sent: {@code 412} when stale).
 */
@Idempotent
@Path("/api/v1/masterplans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class ReviewResource {

    @Inject
    MasterplanService masterplans;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/{id}/submissions")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "submitMasterplan", summary = "Submit the masterplan for review",
            description = """
                    For the region's own `region-officer`s and `ministry-admin`. Checks that the document is complete \
                    (the horizon, a vision and a mission, programmes in all six pillars, at least the quick wins the \
                    programme asks for, three by default, and a roadmap year for every year of the horizon; `422` \
                    listing what is missing), freezes it as the next version and hands it to the reviewers: SUBMITTED. \
                    Only from DRAFT or REVISION_REQUESTED (`409` naming the state). Send an `Idempotency-Key` so that a \
                    retry freezes nothing twice. Audited and published as `MasterplanSubmitted`. A submission recorded after                     the fact gives its date in an optional body `{"occurred": {...}}` (not in the future, not before                     2017 unless the plan is SELF_MADE, not before the opening nor the revision request it answers: `400`                     naming `occurred`); without it the version was submitted now.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.SubmissionData.class),
            examples = @ExampleObject(name = "submitted in 2022", value = "{\"occurred\":{\"date\":\"2022-10-03\",\"precision\":\"DAY\"}}")))
    @APIResponse(responseCode = "201", description = "Submitted; `Location` is the frozen version's URI.",
            headers = { @Header(name = "Location", description = "URI of the frozen version."),
                    @Header(name = "ETag", description = "The masterplan's new version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.VersionSummary.class),
                    examples = @ExampleObject(name = "version 1", value = """
                            {"number":1,"submittedAt":"2026-12-07T02:00:00Z","submittedBy":"officer-ksb",\
                            "occurred":{"date":"2022-10-03","precision":"DAY"}}""")))
    @APIResponse(responseCode = "400", description = "The id, If-Match, Idempotency-Key or body is malformed, or `occurred` lies in the future, before 2017 or before the act it follows.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "before the opening", value = ApiDocs.EXAMPLE_OCCURRED_400)))
    @APIResponse(responseCode = "403", description = "The caller may not submit this region's masterplan.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan is not DRAFT or REVISION_REQUESTED.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    @APIResponse(responseCode = "422", description = "The document is incomplete (each gap named), or the Idempotency-Key was used for another request.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "incomplete", value = """
                            {"type":"https://kotacerdas.id/problems/incomplete-masterplan","title":"Masterplan incomplete","status":422,\
                            "detail":"The masterplan cannot be submitted yet: quickWins: at least 3 quick wins are required, 1 given.",\
                            "violations":[{"field":"quickWins","message":"at least 3 quick wins are required, 1 given"}]}""")))
    public Uni<Response> submit(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it (optional).", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "A unique key per intended submission, at most 255 characters.", example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context UriInfo uri, String body) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.submit(Caller.of(identity), id, expected, idempotencyKey, () -> submission(body),
                s -> new IdempotentResult.Created<>(
                        uri.getBaseUriBuilder().path("api/v1/masterplans").path(id.toString()).path("versions")
                                .path(Integer.toString(s.version().number)).build(),
                        Long.toString(s.masterplan().version),
                        MasterplanMapper.toSummary(s.version())))
                .map(IdempotentResponses::created);
    }

    /**
     * The optional body of a submission (a submission had none before issue 18, so it is read whatever the
     * Content-Type, and no body at all is a submission made now); malformed JSON is a {@code 400} naming the field.
     */
    private Occurred submission(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        MasterplanRequests.SubmissionData data;
        try {
            data = json.readValue(body, MasterplanRequests.SubmissionData.class);
        } catch (JsonProcessingException e) {
            throw ReviewResource.<RuntimeException>rethrow(e); // answered as a 400 by the platform's JSON mapper
        }
        return data == null ? null : bodies.validated(data).occurred();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable e) throws E {
        throw (E) e;
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "startMasterplanReview", summary = "Take up the submitted version for review",
            description = "For `assessor` (the reviewers) and `ministry-admin`: SUBMITTED → IN_REVIEW (`409` naming the state otherwise). Audited.")
    @APIResponse(responseCode = "200", description = "In review.", headers = @Header(name = "ETag", description = "The masterplan's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The id or If-Match is malformed.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan is not SUBMITTED.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    public Uni<Response> startReview(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it (optional).", example = "\"3\"") @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.startReview(Caller.of(identity), id, expected).chain(m -> view(m.id));
    }

    @POST
    @Path("/{id}/revision-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "requestMasterplanRevision", summary = "Send the version back for revision",
            description = "For `assessor` and `ministry-admin`: IN_REVIEW → REVISION_REQUESTED, with the reviewers' comments per "
                    + "section; the region edits and submits again. Audited and published as `MasterplanRevisionRequested`. "
                    + "Recorded after the fact, it gives its `occurred` (not before the version's submission: `400`).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.RevisionRequestData.class),
            examples = @ExampleObject(name = "quick wins", value = """
                    {"comments":[{"section":"QUICK_WINS","comment":"Quick win 2 menambah infrastruktur baru; pilih layanan yang sudah ada."}]}""")))
    @APIResponse(responseCode = "200", description = "Sent back.", headers = @Header(name = "ETag", description = "The masterplan's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or has no comment.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan is not IN_REVIEW.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Uni<Response> requestRevision(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it (optional).", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.RevisionRequestData body) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.requestRevision(Caller.of(identity), id, expected,
                () -> MasterplanMapper.toDecision(bodies.validated(body))).chain(m -> view(m.id));
    }

    @POST
    @Path("/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "approveMasterplan", summary = "Approve the version under review",
            description = "For `assessor` and `ministry-admin`: IN_REVIEW → APPROVED, optionally with comments. Audited and "
                    + "published as `MasterplanApproved`. Recorded after the fact, it gives its `occurred` beside the "
                    + "comments (not in the future, not before 2017 unless SELF_MADE, not before the version's "
                    + "submission: `400` naming `occurred`).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.ApprovalData.class),
            examples = { @ExampleObject(name = "approved", value = "{\"comments\":[{\"section\":\"GENERAL\",\"comment\":\"Layak ditetapkan.\"}]}"),
                    @ExampleObject(name = "approved in 2022, recorded later", value = "{\"comments\":[],\"occurred\":{\"date\":\"2022-11-28\",\"precision\":\"DAY\"}}") }))
    @APIResponse(responseCode = "200", description = "Approved.", headers = @Header(name = "ETag", description = "The masterplan's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan is not IN_REVIEW.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Uni<Response> approve(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it (optional).", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.ApprovalData body) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.approve(Caller.of(identity), id, expected,
                () -> MasterplanMapper.toDecision(bodies.validated(body))).chain(m -> view(m.id));
    }

    @POST
    @Path("/{id}/ratification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "ratifyMasterplan", summary = "Record the instrument that enacted the masterplan",
            description = """
                    For the region's own `region-officer`s and `ministry-admin`: APPROVED → RATIFIED (ratifying a plan \
                    that is not approved is a `409` naming its state). The instrument must fit the region: PERWALI for a \
                    kota, PERBUP for a kabupaten, PERGUB for a province; PERDA and SK for any. Its date lies in its year \
                    and not in the future (`422`). The instrument may be named as in practice (Perwa, Perwal, Peraturan                     Wali Kota, Keputusan …): reads return its kind and the name as given. The ratification's date is its                     `ratifiedOn`, else the `occurred` given (e.g. a month), else its year (YEAR precision); it is not before                     2017 unless the plan is SELF_MADE and not before the approval (`400` naming `ratifiedOn`, `occurred` or                     `year`; an approval recorded without a date of its own does not refuse a ratification dated only by                     its `ratifiedOn` or `year`). Audited and published as `MasterplanRatified`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.RatificationData.class),
            examples = { @ExampleObject(name = "Perbup KSB", value = """
                    {"instrument":"PERBUP","number":"45","year":2022,"ratifiedOn":"2022-12-20",\
                    "title":"Peraturan Bupati Sumbawa Barat tentang Masterplan Smart City 2023–2032"}"""),
                    @ExampleObject(name = "Perwa known by its month", value = """
                    {"instrument":"Perwa","year":2023,"occurred":{"date":"2023-03","precision":"MONTH"},\
                    "sources":[{"title":"Laporan tahunan 2023"}]}""") }))
    @APIResponse(responseCode = "200", description = "Ratified.", headers = @Header(name = "ETag", description = "The masterplan's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field is invalid, the instrument's name stands for no kind, or the ratification's date lies in the future, before 2017 or before the approval.")
    @APIResponse(responseCode = "403", description = "The caller may not ratify this region's masterplan.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan is not APPROVED.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "draft", value = """
                            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
                            "detail":"The masterplan is DRAFT: ratify is allowed only when it is APPROVED.",\
                            "violations":[{"field":"state","message":"is DRAFT"}]}""")))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The instrument does not fit the region, or its date does not fit its year or lies in the future.")
    public Uni<Response> ratify(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it (optional).", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.RatificationData body) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.ratify(Caller.of(identity), id, expected, () -> {
            MasterplanMapper.instrumentOf(body); // an unknown kind first, as when the kind was an enum
            return MasterplanMapper.toCommand(bodies.validated(body));
        })
                .chain(m -> view(m.id));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMasterplanVersions", summary = "The frozen versions of a masterplan",
            description = "One per submission, oldest first. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "A page of the versions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.VersionPage.class),
                    examples = @ExampleObject(name = "two versions", value = """
                            {"masterplanId":"8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f",\
                            "items":[{"number":1,"submittedAt":"2022-10-03T02:00:00Z","submittedBy":"officer-ksb"},\
                            {"number":2,"submittedAt":"2022-11-14T02:00:00Z","submittedBy":"officer-ksb"}],\
                            "page":0,"size":20,"total":2,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    public Uni<MasterplanViews.VersionPage> versions(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams paging) {
        return masterplans.versions(id).map(all -> new MasterplanViews.VersionPage(id,
                paging.slice(all).stream().map(MasterplanMapper::toSummary).toList(), paging.page, paging.size,
                all.size(), paging.totalPages(all.size())));
    }

    @GET
    @Path("/{id}/versions/{number}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getMasterplanVersion", summary = "A frozen version with its document", description = ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.VersionView.class),
                    examples = @ExampleObject(name = "version 1", value = """
                            {"masterplanId":"7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11","number":1,"submittedAt":"2022-10-03T02:00:00Z",\
                            "submittedBy":"officer-ksb","document":{"vision":"Sumbawa Barat Cerdas dan Sejahtera 2032"}}""")))
    @APIResponse(responseCode = "400", description = "The id or the number is malformed.")
    @APIResponse(responseCode = "404", description = "No such masterplan or version.")
    public Uni<MasterplanViews.VersionView> version(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The version number.", example = "1") @PathParam("number") @Min(1) @Max(10000) int number) {
        return masterplans.version(id, number).map(MasterplanMapper::toView);
    }

    @GET
    @Path("/{id}/version-diff")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "diffMasterplanVersions", summary = "What changed between two frozen versions",
            description = "Every change from version `from` to version `to` as a JSON path with the value before and after, "
                    + "and the sections that changed. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The differences.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.DiffView.class),
                    examples = @ExampleObject(name = "quick win replaced", value = """
                            {"masterplanId":"7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11","from":1,"to":2,"sections":["quickWins"],\
                            "changes":[{"path":"quickWins[1].existingService","kind":"CHANGED","before":"Gedung baru","after":"Layanan KTP"}]}""")))
    @APIResponse(responseCode = "400", description = "`from` or `to` is missing or not a version number.")
    @APIResponse(responseCode = "404", description = "No such masterplan or version.")
    public Uni<MasterplanViews.DiffView> diff(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The earlier version.", example = "1") @QueryParam("from") @NotNull @Min(1) @Max(10000) Integer from,
            @Parameter(description = "The later version.", example = "2") @QueryParam("to") @NotNull @Min(1) @Max(10000) Integer to) {
        return masterplans.versionPair(id, from, to).map(pair -> {
            List<DocumentDiff.Change> changes = DocumentDiff.between(
                    json.valueToTree(MasterplanMapper.toApi(pair.from().document)),
                    json.valueToTree(MasterplanMapper.toApi(pair.to().document)));
            return new MasterplanViews.DiffView(id, pair.from().number, pair.to().number, DocumentDiff.sections(changes),
                    changes.stream().map(c -> new MasterplanViews.ChangeView(c.path(), c.kind(), c.before(), c.after()))
                            .toList());
        });
    }

    private Uni<Response> view(UUID id) {
        return masterplans.details(id).map(d -> Response.ok(MasterplanMapper.toView(d.masterplan(), d.stages(), d.findings()))
                .tag(ETags.of(d.masterplan().version)).build());
    }
}
