package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.web.SortOrder;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.domain.CycleState;
import id.kotacerdas.assessment.repository.AssessmentCycleRepository;
import id.kotacerdas.assessment.service.AuditService;
import id.kotacerdas.platform.audit.AuditEntryView;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.web.PageParams;
import jakarta.ws.rs.BeanParam;
import id.kotacerdas.assessment.service.CycleService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

@Idempotent
@Path("/api/v1/assessment-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cycles")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class CycleResource {

    static final String PLAN_EXAMPLE = """
            {"name":"Asesmen Gerakan Menuju Smart City 2022","assessmentYear":2022,"programmeYear":2023,\
            "framework":{"code":"kominfo-readiness","version":2},\
            "schedule":{"invitedOn":"2022-01-10","selfAssessmentDeadline":"2022-02-15T23:59:59+07:00",\
            "interviewDays":["2022-02-21"],"presentationDays":["2022-02-22"]},\
            "quotas":{"kabKotaSeats":50,"provinceSeats":2,"maxPerProvince":5}}""";
    static final String VIEW_EXAMPLE = """
            {"id":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","name":"Asesmen Gerakan Menuju Smart City 2022","assessmentYear":2022,\
            "programmeYear":2023,"framework":{"code":"kominfo-readiness","version":2},\
            "schedule":{"invitedOn":"2022-01-10","selfAssessmentDeadline":"2022-02-15T23:59:59+07:00",\
            "interviewDays":["2022-02-21"],"presentationDays":["2022-02-22"]},\
            "quotas":{"kabKotaSeats":50,"provinceSeats":2,"maxPerProvince":5},"state":"DRAFT","nextState":"INVITING",\
            "revision":0,"createdAt":"2026-12-01T08:00:00Z","createdBy":"ministry","updatedAt":"2026-12-01T08:00:00Z","updatedBy":"ministry"}""";
    static final String ROLES_READ = " Roles: every role; DRAFT cycles only `ministry-admin` and `auditor`.";

    @Inject
    CycleService cycles;

    @Inject
    AuditService audit;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    /** The {@code sort} parameter's values. */
    static final String SORT_REGEX = "[-+]?(assessmentYear|programmeYear|name|createdAt)";

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listAssessmentCycles", summary = "List assessment cycles",
            description = "Cycles, filtered by year or state; by default newest assessment year first (then newest created)." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "A page of cycles.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.Page.class),
                    examples = @ExampleObject(name = "one", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter, the sort or the page is invalid.")
    public Uni<CycleView.Page> list(
            @Parameter(description = "Only this assessment year.", example = "2022") @QueryParam("assessmentYear") @Min(2000) @Max(2100) Integer assessmentYear,
            @Parameter(description = "Only this programme year.", example = "2023") @QueryParam("programmeYear") @Min(2000) @Max(2100) Integer programmeYear,
            @Parameter(description = "Only this state.") @QueryParam("state") CycleState state,
            @Parameter(description = "One of assessmentYear, programmeYear, name, createdAt; `-` in front for descending. "
                    + "Absent: newest assessment year first.", example = "-programmeYear")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of assessmentYear, programmeYear, name, createdAt, optionally prefixed with - for descending") String sort,
            @Valid @BeanParam PageParams paging) {
        return cycles.list(Caller.of(identity), new AssessmentCycleRepository.Filter(assessmentYear, programmeYear, state, true),
                SortOrder.parse(sort), paging.page, paging.size).map(result -> new CycleView.Page(
                        result.items().stream().map(CycleMapper::toView).toList(),
                        paging.page, paging.size, result.total(), paging.totalPages(result.total())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "createAssessmentCycle", summary = "Plan a new assessment cycle",
            description = """
                    Creates a cycle in state DRAFT: assessment and programme year (the same year or the next), one \
                    PUBLISHED framework version, schedule and quotas. Send an `Idempotency-Key` so that a retry \
                    creates nothing twice. Audited. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleRequest.class), examples = @ExampleObject(name = "2022 → 2023", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is the cycle's URI and `ETag` its revision.",
            headers = { @Header(name = "Location", description = "URI of the new cycle."),
                    @Header(name = "ETag", description = "The cycle's revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The framework version is unknown or a draft, the programme year does not follow the assessment year, the schedule is out of order, no seat, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "draft framework", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"framework: framework kominfo-readiness v3 is a DRAFT; a cycle uses a published version",\
                            "violations":[{"field":"framework","message":"framework kominfo-readiness v3 is a DRAFT; a cycle uses a published version"}]}""")))
    public Uni<Response> create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY, example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CycleRequest body,
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, body, () -> cycles.create(caller, CycleMapper.toPlan(body)),
                created -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(created.id.toString()).build(),
                        Long.toString(created.revision), CycleMapper.toView(created)));
    }

    @GET
    @Path("/{cycleId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getAssessmentCycle", summary = "Read a cycle",
            description = "The cycle's plan and state; the `ETag` is the revision to send in `If-Match`." + ROLES_READ)
    @APIResponse(responseCode = "200", description = "The cycle.",
            headers = @Header(name = "ETag", description = "The cycle's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such cycle (or a draft the caller may not see).")
    public Uni<Response> get(@Parameter(description = "Cycle id.", example = "0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10")
            @PathParam("cycleId") UUID cycleId) {
        return cycles.get(Caller.of(identity), cycleId)
                .map(c -> Response.ok(CycleMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @PUT
    @Path("/{cycleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "replanAssessmentCycle", summary = "Replace a cycle's plan",
            description = """
                    Replaces name, years, schedule and quotas while the cycle is DRAFT or INVITING, and the framework \
                    version only in DRAFT; later it is `409` naming the state. `If-Match` is required. Unchanged \
                    plans change nothing. Audited (before and after). Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleRequest.class), examples = @ExampleObject(name = "2022 → 2023", value = PLAN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field is invalid, or If-Match is not an ETag.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle's state no longer allows this change.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too late", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The plan breaks a rule (see create).")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> replan(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CycleRequest body) {
        Long expected = ETags.revision(ifMatch);
        return cycles.replan(Caller.of(identity), cycleId, expected, CycleMapper.toPlan(body))
                .map(c -> Response.ok(CycleMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @POST
    @Path("/{cycleId}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "moveAssessmentCycle", summary = "Move a cycle to its next state",
            description = """
                    Moves the cycle one step: DRAFT → INVITING (opens it: publishes `AssessmentCycleOpened`, keyed by \
                    the cycle id) → SELF_ASSESSMENT (needs an invited region) → INTERVIEWS → SCORING; SELECTED is \
                    reached by confirming the selection, then → CLOSED. Any other target is `409` naming the current \
                    state. `If-Match` is required. Audited. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleView.Transition.class), examples = @ExampleObject(name = "open", value = "{\"state\":\"INVITING\"}")))
    @APIResponse(responseCode = "200", description = "Moved; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or the state unknown.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "Not the next state, or its condition is not met; names the current state.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "skipping", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> transition(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CycleView.Transition body) {
        Long expected = ETags.revision(ifMatch);
        return cycles.transition(Caller.of(identity), cycleId, expected, body.state())
                .map(c -> Response.ok(CycleMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    static final String CANCELLED_EXAMPLE = """
            {"id":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","name":"Asesmen Gerakan Menuju Smart City 2022","assessmentYear":2022,\
            "programmeYear":2023,"framework":{"code":"kominfo-readiness","version":2},\
            "schedule":{"invitedOn":"2022-01-10","selfAssessmentDeadline":"2022-02-15T23:59:59+07:00",\
            "interviewDays":["2022-02-21"],"presentationDays":["2022-02-22"]},\
            "quotas":{"kabKotaSeats":50,"provinceSeats":2,"maxPerProvince":5},"state":"CANCELLED",\
            "revision":3,"createdAt":"2026-12-01T08:00:00Z","createdBy":"ministry","updatedAt":"2026-12-03T08:00:00Z","updatedBy":"ministry",\
            "cancellation":{"at":"2026-12-03T08:00:00Z","by":"ministry","reason":"Opened with the wrong framework version; the assessment runs in a new cycle"}}""";

    @POST
    @Path("/{cycleId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "cancelAssessmentCycle", summary = "Cancel an assessment cycle that got stuck",
            description = """
                    Cancels the cycle with a `reason` (required, at most 2000 characters), from any state before its \
                    selection is confirmed (DRAFT, INVITING, SELF_ASSESSMENT, INTERVIEWS, SCORING); SELECTED, CLOSED \
                    and CANCELLED are `409` naming the state. The cycle becomes CANCELLED with `cancellation` \
                    (`at`, `by`, `reason`); it is not a step of the cycle's order (a transition never reaches it) and \
                    nothing happens in it any more: no invitation, decline, self-assessment, score, ranking or \
                    selection (`409`). Its invitations stay readable as they were. `If-Match` is required (`428` \
                    without, `412` stale). Audited (`CYCLE_CANCELLED`); publishes `AssessmentCycleCancelled` on \
                    `kotacerdas.assessment.v1`, keyed by the cycle id — except for a DRAFT: never opened, it was never \
                    announced, and once cancelled it stays visible to `ministry-admin` and `auditor` only, as drafts \
                    are. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleView.CancellationRequest.class),
            examples = @ExampleObject(name = "wrong framework", value = "{\"reason\":\"Opened with the wrong framework version; the assessment runs in a new cycle\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The cycle's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CycleView.class),
                    examples = @ExampleObject(name = "cancelled", value = CANCELLED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No `reason`, a reason over 2000 characters, or a malformed `If-Match`.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no reason", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"reason: is required","violations":[{"field":"reason","message":"is required"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is SELECTED, CLOSED or CANCELLED; names the state.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "selected", value = """
                            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition",\
                            "status":409,"detail":"The cycle is in state SELECTED; its selection is confirmed and published, and so it cannot be cancelled.",\
                            "instance":"/api/v1/assessment-cycles/0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10/cancellation"}""")))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> cancel(
            @Parameter(description = "Cycle id.", example = "0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull CycleView.CancellationRequest body) {
        String reason = body.checked();
        Long expected = ETags.revision(ifMatch);
        return cycles.cancel(Caller.of(identity), cycleId, expected, reason)
                .map(c -> Response.ok(CycleMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @GET
    @Path("/{cycleId}/audit-entries")
    @RolesAllowed({ AUDITOR, MINISTRY_ADMIN })
    @Operation(operationId = "listCycleAuditEntries", summary = "Audit trail of a cycle",
            description = "Every change to the cycle and to everything under it (invitations, declines, self-assessments, scoresheets, the selection), newest first. Roles: `auditor`, `ministry-admin`.")
    @APIResponse(responseCode = "200", description = "A page of audit entries.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntryView.Page.class),
                    examples = @ExampleObject(name = "one change", value = ApiDocs.AUDIT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id or the page is invalid.")
    public Uni<AuditEntryView.Page> cycle(
            @Parameter(description = "Cycle id.", example = "0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10") @PathParam("cycleId") UUID cycleId,
            @Valid @BeanParam PageParams paging) {
        return audit.underPrefix(null, cycleId.toString(), paging.page, paging.size)
                .map(found -> AuditEntryView.Page.of(found, paging));
    }
}
