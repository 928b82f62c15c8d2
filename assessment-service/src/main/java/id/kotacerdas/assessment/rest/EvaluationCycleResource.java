package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.AuditService;
import id.kotacerdas.assessment.service.EvaluationService;
import id.kotacerdas.platform.audit.AuditEntryView;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** Yearly evaluation (monev) cycles: plan, open with the regions due, add regions by hand, publish. */
@Idempotent
@Path("/api/v1/evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class EvaluationCycleResource {

    static final String CYCLE_EXAMPLE = """
            {"id":"4a0d7c3e-1f2b-4c5d-8e9f-0a1b2c3d4e5f","evaluationYear":2023,"name":"Evaluasi Smart City 2023",\
            "framework":{"code":"kominfo-evaluation","version":1},"state":"DRAFT","nextState":"SELF_ASSESSMENT",\
            "revision":0,"createdAt":"2023-03-01T02:00:00Z","createdBy":"ministry","updatedAt":"2023-03-01T02:00:00Z",\
            "updatedBy":"ministry"}""";
    static final String PLAN_EXAMPLE = """
            {"evaluationYear":2023,"name":"Evaluasi Smart City 2023","framework":{"code":"kominfo-evaluation","version":1},\
            "selfAssessmentDeadline":"2023-08-31T23:59:59+07:00"}""";
    static final String UNSCORED = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"regions[52.07]: Kabupaten Sumbawa Barat (52.07) has no assessor's scoresheet",\
            "violations":[{"field":"regions[52.07]","message":"Kabupaten Sumbawa Barat (52.07) has no assessor's scoresheet"}]}""";
    static final String ROLES_READ = " Roles: every role; DRAFT cycles only `ministry-admin` and `auditor`.";

    @Inject
    EvaluationService evaluations;

    @Inject
    AuditService audit;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listEvaluationCycles", summary = "List evaluation cycles",
            description = "Every yearly evaluation (monev) cycle, newest year first." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "A page of cycles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.CyclePage.class),
                    examples = @ExampleObject(name = "one", value = "{\"items\":[" + CYCLE_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    public Uni<EvaluationViews.CyclePage> list(
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return evaluations.list(Caller.of(identity))
                .map(all -> EvaluationViews.CyclePage.of(all.stream().map(EvaluationViews.CycleView::of).toList(), paging));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "createEvaluationCycle", summary = "Plan a year's evaluation",
            description = """
                    Creates the evaluation cycle of a year in state DRAFT with a PUBLISHED framework version of purpose \
                    EVALUATION (shipped: `kominfo-evaluation` v1, Sleman's weights 10/20/30/30/10; v2, Kota Jambi's \
                    reported weights with the Baseline/Output split assumed). One cycle per year (`409`). Send an \
                    `Idempotency-Key` so that a retry creates nothing twice. Audited. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.CycleRequest.class),
            examples = @ExampleObject(name = "2023", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is the cycle's URI and `ETag` its revision.",
            headers = { @Header(name = "Location", description = "URI of the new cycle."),
                    @Header(name = "ETag", description = "The cycle's revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.CycleView.class),
                    examples = @ExampleObject(name = "draft", value = CYCLE_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The year already has an evaluation cycle.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The framework version is unknown, a draft, or not an EVALUATION framework; or a reused Idempotency-Key.")
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull EvaluationViews.CycleRequest body,
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, body, () -> evaluations.create(caller, body.evaluationYear(), body.name(),
                body.framework().code(), body.framework().version(), body.selfAssessmentDeadline()),
                created -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(created.id.toString()).build(),
                        Long.toString(created.revision), EvaluationViews.CycleView.of(created)));
    }

    @GET
    @Path("/{cycleId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationCycle", summary = "Read an evaluation cycle",
            description = "The cycle and its state; the `ETag` is the revision to send in `If-Match`." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "The cycle.",
            headers = @Header(name = "ETag", description = "The cycle's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.CycleView.class),
                    examples = @ExampleObject(name = "draft", value = CYCLE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such cycle (or a draft the caller may not see).")
    public Uni<Response> get(@Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId) {
        return evaluations.get(Caller.of(identity), cycleId)
                .map(c -> Response.ok(EvaluationViews.CycleView.of(c)).tag(ETags.of(c.revision)).build());
    }

    @POST
    @Path("/{cycleId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "moveEvaluationCycle", summary = "Move an evaluation cycle to its next state",
            description = """
                    One step: DRAFT → SELF_ASSESSMENT (opens it: every region whose masterplan was ratified before the \
                    year, or whose programme year is past, from the MasterplanRatified and MouSigned events, joins the \
                    regions added by hand; publishes `EvaluationCycleOpened` on `kotacerdas.evaluation.v1`) → \
                    INTERVIEWS → SCORING; PUBLISHED is reached by publication only, then → CLOSED. Any other target is \
                    `409` naming the current state. `If-Match` is required. Audited. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.Transition.class),
            examples = @ExampleObject(name = "open", value = "{\"state\":\"SELF_ASSESSMENT\"}")))
    @APIResponse(responseCode = "200", description = "Moved; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.CycleView.class),
                    examples = @ExampleObject(name = "opened", value = CYCLE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "Not the next state; names the current state.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "skipping", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    @APIResponse(responseCode = "503", description = "The region registry replica is not complete yet (at the opening).")
    public Uni<Response> transition(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EvaluationViews.Transition body) {
        Long expected = ETags.revision(ifMatch);
        return evaluations.transition(Caller.of(identity), cycleId, expected, body.state())
                .map(c -> Response.ok(EvaluationViews.CycleView.of(c)).tag(ETags.of(c.revision)).build());
    }

    @POST
    @Path("/{cycleId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "cancelEvaluationCycle", summary = "Cancel an evaluation cycle that got stuck",
            description = """
                    Cancels the cycle with a `reason`, from any state but the final ones (CLOSED, CANCELLED: `409` \
                    naming the state): state CANCELLED, nothing changes in it any more; results it published stay. \
                    `If-Match` is required (`428` without, `412` stale). Audited; publishes `EvaluationCycleCancelled` \
                    on `kotacerdas.evaluation.v1`. A year whose cycle is cancelled keeps it (one cycle per year). \
                    Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.CancellationRequest.class),
            examples = @ExampleObject(name = "wrong year", value = "{\"reason\":\"Opened for the wrong year\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.CycleView.class)))
    @APIResponse(responseCode = "400", description = "No `reason`, or a bad `If-Match`.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is CLOSED or CANCELLED.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> cancel(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull EvaluationViews.CancellationRequest body) {
        Long expected = ETags.revision(ifMatch);
        return evaluations.cancel(Caller.of(identity), cycleId, expected, body.reason())
                .map(c -> Response.ok(EvaluationViews.CycleView.of(c)).tag(ETags.of(c.revision)).build());
    }

    @GET
    @Path("/{cycleId}/regions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listEvaluationRegions", summary = "The regions due in a cycle",
            description = """
                    Every region due, by code, with why (`basis`) and from which year. In DRAFT the list also shows, as \
                    `preview`, the regions the opening will add from the events (ratified masterplans, past programme \
                    years). A region officer sees only their own region. Roles: every role; DRAFT cycles only \
                    `ministry-admin` and `auditor`.""")
    @APIResponse(responseCode = "200", description = "The regions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.RegionPage.class),
                    examples = @ExampleObject(name = "KSB", value = """
                            {"items":[{"regionCode":"52.07","regionName":"Kabupaten Sumbawa Barat","regionLevel":"KABUPATEN",\
                            "provinceCode":"52","provinceName":"Nusa Tenggara Barat","basis":"MASTERPLAN_RATIFIED","dueFromYear":2023,\
                            "preview":false,"selfAssessment":"DRAFT"}],"page":0,"size":20,"total":1,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "503", description = "The region registry replica is not complete yet (DRAFT preview).")
    public Uni<EvaluationViews.RegionPage> regions(@Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return evaluations.regions(Caller.of(identity), cycleId).map(all -> EvaluationViews.RegionPage.of(
                all.stream().map(EvaluationViews.RegionView::of).toList(), paging));
    }

    @POST
    @Path("/{cycleId}/regions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "addEvaluationRegions", summary = "Add regions to a cycle by hand",
            description = """
                    Makes regions due in the cycle (basis MANUAL) while it is DRAFT or SELF_ASSESSMENT (later: `409` \
                    naming the state); regions already due are listed in `alreadyDue` and left alone. Unknown or \
                    replaced codes are `422` naming `regionCodes[i]` (nothing is added). Send an `Idempotency-Key` so \
                    that a retry adds nothing twice. Audited per region. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.RegionsRequest.class),
            examples = @ExampleObject(name = "two", value = "{\"regionCodes\":[\"52.07\",\"35.71\"]}")))
    @APIResponse(responseCode = "201", description = "Added.",
            headers = { @Header(name = "Location", description = "URI of the cycle's regions."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.Added.class),
                    examples = @ExampleObject(name = "one new", value = """
                            {"added":[{"regionCode":"35.71","regionName":"Kota Kediri","regionLevel":"KOTA","provinceCode":"35",\
                            "provinceName":"Jawa Timur","basis":"MANUAL","preview":false,"selfAssessment":"DRAFT"}],"alreadyDue":["52.07"]}""")))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle no longer takes regions (names its state).")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "An unknown or replaced code, or a reused Idempotency-Key.")
    @APIResponse(responseCode = "503", description = "The region registry replica is not complete yet.")
    public Uni<Response> addRegions(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull EvaluationViews.RegionsRequest body,
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, List.of(cycleId, body),
                () -> evaluations.addRegions(caller, cycleId, body.regionCodes()),
                added -> new IdempotentResult.Created<>(uri.getAbsolutePath(), null, new EvaluationViews.Added(
                        added.added().stream().map(r -> EvaluationViews.RegionView.of(EvaluationService.DueRegion.of(r)))
                                .toList(), added.alreadyDue())));
    }

    @POST
    @Path("/{cycleId}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "publishEvaluation", summary = "Publish a year's evaluation results",
            description = """
                    SCORING → PUBLISHED. Every region due must have at least one assessor's scoresheet (otherwise \
                    `422` naming each `regions[code]`; nothing changes). Per region: the index, the five dimension and \
                    six pillar scores (computed from the framework, rounded once at the end), the delta against its \
                    previous evaluation (none at the first), the national rank and the rank within its province \
                    (competition ranking: equal indices share a rank), the programmes per pillar from its \
                    self-assessment, and a result letter `B-{n}/DJAI/AI.01.04/{MM}/{YYYY}` dated `letterIssuedOn` (the \
                    next numbers of the year, in the order of the ranks). Each result is published as \
                    `EvaluationPublished` (key: the region code). `If-Match` is required. Audited. A publication \
                    recorded after the fact gives `occurred` (the letters then default to its day when it is a DAY); \
                    without it, letters dated before today date the publication (DAY). The event carries that date as \
                    `occurred`. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.PublicationRequest.class),
            examples = { @ExampleObject(name = "5 Dec", value = "{\"letterIssuedOn\":\"2023-12-05\"}"),
                    @ExampleObject(name = "after the fact", value = "{\"letterIssuedOn\":\"2023-12-05\",\"occurred\":{\"date\":\"2023-12-05\",\"precision\":\"DAY\"}}") }))
    @APIResponse(responseCode = "200", description = "Published; `ETag` is the cycle's new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.PublishedView.class),
                    examples = @ExampleObject(name = "published", value = "{\"cycle\":" + CYCLE_EXAMPLE + ",\"regions\":1,\"results\":["
                            + EvaluationResource.RESULT_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", description = "A malformed body or If-Match; an `occurred` or `letterIssuedOn` that is malformed, in the future or before 2017; letters dated before `occurred`.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is not in SCORING (names its state), or a region already has a recorded result of the year.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too early", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "Regions without any scoresheet, or no region due.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unscored", value = UNSCORED)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> publish(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EvaluationViews.PublicationRequest body) {
        Long expected = ETags.revision(ifMatch);
        return evaluations.publish(Caller.of(identity), cycleId, expected, body.letterIssuedOn(), body.occurred()).map(p -> Response
                .ok(new EvaluationViews.PublishedView(EvaluationViews.CycleView.of(p.cycle()), p.results().size(),
                        p.results().stream().map(e -> EvaluationViews.ResultView.of(e, null)).toList()))
                .tag(ETags.of(p.cycle().revision)).build());
    }

    @GET
    @Path("/{cycleId}/audit-entries")
    @RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
    @Operation(operationId = "listEvaluationCycleAuditEntries", summary = "Audit trail of an evaluation cycle",
            description = "Every change to the cycle and under it (regions due, self-assessments, scoresheets, the publication), newest first. Roles: `auditor`, `ministry-admin`.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = ApiDocs.AUDIT_EXAMPLE)))
    public Uni<AuditEntryView.Page> audit(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Valid @BeanParam PageParams paging) {
        return audit.underPrefix(null, cycleId.toString(), paging.page, paging.size)
                .map(found -> AuditEntryView.Page.of(found, paging));
    }
}
