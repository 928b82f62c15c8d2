package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.EvaluationScoring;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** A region's part in an evaluation cycle: its self-assessment, the assessors' sheets, its provisional score. */
@Idempotent
@Path("/api/v1/evaluation-cycles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class EvaluationScoringResource {

    static final String DRAFT_EXAMPLE = """
            {"answers":[{"indicatorCode":"OUTPUT.GOVERNANCE.1","value":4,"text":"Perbup Dewan Smart City 2023",\
            "evidenceLinks":["https://sumbawabaratkab.go.id/sk-dewan-smart-city.pdf"]}],\
            "programmes":[{"pillar":"GOVERNANCE","name":"Mal Pelayanan Publik digital"},{"pillar":"ECONOMY","name":"Pasar desa daring"}]}""";
    static final String SHEET_EXAMPLE = """
            {"regionCode":"52.07","scores":[{"indicatorCode":"BASELINE.GOVERNANCE.1","value":3.5},\
            {"indicatorCode":"BASELINE.BRANDING.1","value":3,"note":"Branding plan adopted"}],\
            "interviewNotes":"Quick wins running in four OPDs."}""";
    static final String OFF_SCALE = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"scores[0].value: indicator BASELINE.GOVERNANCE.1 is scored on scale evaluation from 0 to 5; 6 is outside it",\
            "violations":[{"field":"scores[0].value","message":"indicator BASELINE.GOVERNANCE.1 is scored on scale evaluation from 0 to 5; 6 is outside it"}]}""";
    static final String NOT_DUE = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"regionCode: 18.72 is not due in evaluation 2023; the ministry adds regions by hand while the cycle is DRAFT or SELF_ASSESSMENT",\
            "violations":[{"field":"regionCode","message":"18.72 is not due in evaluation 2023"}]}""";

    @Inject
    EvaluationScoring scoring;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{cycleId}/self-assessments/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "getEvaluationSelfAssessment", summary = "A region's evaluation self-assessment",
            description = "Answers with evidence per indicator and programmes per pillar; the `ETag` is its revision. Roles: `ministry-admin`, `assessor`, `auditor`; `region-officer` of that region only.")
    @APIResponse(responseCode = "200", description = "The self-assessment.",
            headers = @Header(name = "ETag", description = "The self-assessment's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SelfAssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not due in it.")
    public Uni<Response> selfAssessment(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "52.07") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode) {
        return scoring.selfAssessment(Caller.of(identity), cycleId, regionCode).map(this::selfAssessmentResponse);
    }

    @PUT
    @Path("/{cycleId}/self-assessments/{regionCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "saveEvaluationSelfAssessment", summary = "Save the region's evaluation self-assessment draft",
            description = """
                    Replaces the draft: at most one answer per indicator (a level of the 0–5 scale, an explanation, \
                    evidence links) and the region's smart city programmes per pillar. Only the region's own officer \
                    (token claim `region_code`; another region is `403`), while the cycle is SELF_ASSESSMENT and before \
                    its deadline (`422` naming `selfAssessmentDeadline`); a submitted one is `409`. `If-Match` is \
                    required. Unchanged drafts change nothing. Audited. Roles: `region-officer` of that region.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.SelfAssessmentRequest.class),
            examples = @ExampleObject(name = "KSB", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SelfAssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not due in it.")
    @APIResponse(responseCode = "409", description = "Submitted already, or the cycle does not take self-assessments (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "An unknown indicator, a value off the scale, or the deadline has passed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> saveSelfAssessment(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "52.07") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull EvaluationViews.SelfAssessmentRequest body) {
        Long expected = ETags.revision(ifMatch);
        return scoring.saveDraft(Caller.of(identity), cycleId, regionCode, expected,
                SelfAssessmentViews.toAnswers(new SelfAssessmentViews.Request(body.answers())),
                EvaluationViews.toProgrammes(body)).map(this::selfAssessmentResponse);
    }

    @POST
    @Path("/{cycleId}/self-assessments/{regionCode}/submission")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "submitEvaluationSelfAssessment", summary = "Submit the region's evaluation self-assessment",
            description = "Once, while the cycle is SELF_ASSESSMENT and before its deadline; then read-only. `If-Match` is required. Audited. Roles: `region-officer` of that region.")
    @APIResponse(responseCode = "200", description = "Submitted.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SelfAssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not due in it.")
    @APIResponse(responseCode = "409", description = "Submitted already, or the cycle does not take self-assessments.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "422", description = "The deadline has passed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> submit(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "52.07") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch) {
        Long expected = ETags.revision(ifMatch);
        return scoring.submit(Caller.of(identity), cycleId, regionCode, expected).map(this::selfAssessmentResponse);
    }

    private Response selfAssessmentResponse(EvaluationScoring.Current current) {
        return Response.ok(EvaluationViews.SelfAssessmentView.of(current)).tag(ETags.of(current.region().revision)).build();
    }

    @POST
    @Path("/{cycleId}/scoresheets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ASSESSOR)
    @Operation(operationId = "createEvaluationScoresheet", summary = "Score a region after its interview",
            description = """
                    The calling assessor's sheet of a region due in the cycle: a score for every indicator of the \
                    framework on its 0–5 scale (outside it: `422` naming `scores[i].value`), with notes. Only while the \
                    cycle is INTERVIEWS or SCORING (`409` naming the state); a region not due is `422` naming \
                    `regionCode`; one sheet per assessor and region (a second is `409`; revise it with PUT). A region \
                    is scored whether or not it submitted its self-assessment. Nothing is written on a refusal. Send an \
                    `Idempotency-Key` so that a retry creates nothing twice. Audited. Roles: `assessor`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreViews.Request.class), examples = @ExampleObject(name = "KSB", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the sheet's URI.",
            headers = { @Header(name = "Location", description = "URI of the scoresheet."),
                    @Header(name = "ETag", description = "The sheet's revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SheetView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is not taking scores, or the assessor already scored the region.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A score outside the scale, an unknown or missing indicator, a region not due, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "off the scale", value = OFF_SCALE),
                            @ExampleObject(name = "not due", value = NOT_DUE) }))
    public Uni<Response> createSheet(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ScoreViews.Request body,
            @Context UriInfo uri) {
        if (body.regionCode() == null) {
            throw ProblemException.badRequest("regionCode", "is required");
        }
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, List.of(cycleId, body),
                () -> scoring.createSheet(caller, cycleId, body.regionCode(), ScoreViews.toContent(withoutOccurred(body))),
                recorded -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(recorded.sheet().id.toString()).build(),
                        Long.toString(recorded.sheet().revision), EvaluationViews.SheetView.of(recorded.sheet(), recorded.regionScore())));
    }

    @GET
    @Path("/{cycleId}/scoresheets")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, AUDITOR })
    @Operation(operationId = "listEvaluationScoresheets", summary = "List a cycle's evaluation scoresheets",
            description = "Every assessor's sheets, by region and assessor, optionally of one region. Roles: `ministry-admin`, `assessor`, `auditor`.")
    @APIResponse(responseCode = "200", description = "A page of the sheets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SheetPage.class)))
    @APIResponse(responseCode = "400", description = "A malformed region code or page.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    public Uni<EvaluationViews.SheetPage> listSheets(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Only this region's sheets.", example = "52.07") @QueryParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return scoring.listSheets(Caller.of(identity), cycleId, regionCode)
                .map(all -> EvaluationViews.SheetPage.of(all.stream().map(s -> EvaluationViews.SheetView.of(s, null)).toList(), paging));
    }

    @GET
    @Path("/{cycleId}/scoresheets/{sheetId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, AUDITOR })
    @Operation(operationId = "getEvaluationScoresheet", summary = "Read an evaluation scoresheet",
            description = "The `ETag` is the revision for `If-Match`. Roles: `ministry-admin`, `assessor`, `auditor`.")
    @APIResponse(responseCode = "200", description = "The sheet.",
            headers = @Header(name = "ETag", description = "The sheet's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SheetView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle or sheet.")
    public Uni<Response> sheet(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Scoresheet id.") @PathParam("sheetId") UUID sheetId) {
        return scoring.sheet(Caller.of(identity), cycleId, sheetId)
                .map(s -> Response.ok(EvaluationViews.SheetView.of(s, null)).tag(ETags.of(s.revision)).build());
    }

    @PUT
    @Path("/{cycleId}/scoresheets/{sheetId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ASSESSOR)
    @Operation(operationId = "reviseEvaluationScoresheet", summary = "Revise one's evaluation scoresheet",
            description = """
                    Replaces the calling assessor's own sheet (another's is `403`) while the cycle takes scores. \
                    `If-Match` is required. Unchanged sheets change nothing; a change is audited. Roles: `assessor`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreViews.Request.class), examples = @ExampleObject(name = "KSB", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Revised; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The sheet's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.SheetView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle or sheet.")
    @APIResponse(responseCode = "409", description = "The cycle no longer takes scores (names its state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A score outside the scale, an unknown or missing indicator.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "off the scale", value = OFF_SCALE)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> reviseSheet(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Scoresheet id.") @PathParam("sheetId") UUID sheetId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ScoreViews.Request body) {
        Long expected = ETags.revision(ifMatch);
        return scoring.reviseSheet(Caller.of(identity), cycleId, sheetId, body.regionCode(), expected,
                ScoreViews.toContent(withoutOccurred(body))).map(r -> Response.ok(EvaluationViews.SheetView.of(r.sheet(), r.regionScore()))
                        .tag(ETags.of(r.sheet().revision)).build());
    }

    @GET
    @Path("/{cycleId}/scores/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationScore", summary = "A region's provisional evaluation score, explained",
            description = """
                    The index, the dimensions with their dimension × pillar cells, the pillars and every indicator's \
                    assessors (names and notes for staff only), computed from the sheets so far; `rule` states the \
                    formula and the rounding. From INTERVIEWS on. Roles: `ministry-admin`, `assessor`, `auditor`; \
                    `region-officer` of that region; every role once published.""")
    @APIResponse(responseCode = "200", description = "The score.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ScoreView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not due in it.")
    @APIResponse(responseCode = "409", description = "No scores yet (names the state).")
    public Uni<EvaluationViews.ScoreView> score(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "52.07") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode) {
        Caller caller = Caller.of(identity);
        boolean staff = caller.hasRole(MINISTRY_ADMIN) || caller.hasRole(ASSESSOR) || caller.hasRole(AUDITOR);
        return scoring.regionScore(caller, cycleId, regionCode).map(r -> EvaluationViews.ScoreView.of(r, staff));
    }

    /** The yearly evaluation's sheets carry no act date (issue 18 dates the assessment's acts): refused, not ignored. */
    private static ScoreViews.Request withoutOccurred(ScoreViews.Request body) {
        if (body.occurred() != null) {
            throw ProblemException.badRequest("occurred", "an evaluation scoresheet takes no occurred");
        }
        return body;
    }
}
