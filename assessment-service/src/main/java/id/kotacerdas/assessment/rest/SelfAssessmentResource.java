package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import id.kotacerdas.assessment.service.SelfAssessmentService;

@Idempotent
@Path("/api/v1/assessment-cycles/{cycleId}/self-assessments/{regionCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Self-assessments")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class SelfAssessmentResource {

    static final String DRAFT_EXAMPLE = """
            {"answers":[{"indicatorCode":"K4.1","value":3,"text":"Indeks SPBE 2021: 3.1 (KepmenPANRB 1503/2021).",\
            "evidenceLinks":["https://metrokota.go.id/spbe-2021.pdf"]},{"indicatorCode":"K1.1","value":4}]}""";
    static final String VIEW_EXAMPLE = """
            {"cycleId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","regionCode":"18.72","regionName":"Kota Metro","status":"DRAFT",\
            "revision":1,"selfAssessmentDeadline":"2022-02-15T23:59:59+07:00","answeredIndicators":1,"indicators":5,\
            "answers":[{"indicatorCode":"K4.1","indicatorName":"SPBE index","value":3,"text":"Indeks SPBE 2021: 3.1.",\
            "evidenceLinks":["https://metrokota.go.id/spbe-2021.pdf"],"selfAssessedLevel":3}],\
            "updatedAt":"2022-02-01T03:00:00Z","updatedBy":"officer-metro"}""";
    static final String ROLES_WRITE = " Roles: `region-officer` of this region only (token claim `region_code`).";

    @Inject
    SelfAssessmentService selfAssessments;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "getSelfAssessment", summary = "Read a region's self-assessment",
            description = "The answers and evidence, with the level each answer points to. The `ETag` is the revision for `If-Match`. Roles: `ministry-admin`, `assessor`, `auditor`; `region-officer` (own region).")
    @APIResponse(responseCode = "200", description = "The self-assessment.",
            headers = @Header(name = "ETag", description = "The self-assessment's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfAssessmentViews.View.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code is malformed.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    public Uni<Response> get(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode) {
        return selfAssessments.get(Caller.of(identity), cycleId, regionCode).map(SelfAssessmentResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "saveSelfAssessmentDraft", summary = "Save the self-assessment draft",
            description = """
                    Replaces the draft's answers (at most one per indicator of the cycle's framework; a claimed level \
                    must be on the indicator's scale). `If-Match` is required. Only while the cycle is INVITING or \
                    SELF_ASSESSMENT, before the deadline (`422` naming `selfAssessmentDeadline`), and before \
                    submission (`409`). Audited.""" + ROLES_WRITE)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SelfAssessmentViews.Request.class), examples = @ExampleObject(name = "two answers", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Saved; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfAssessmentViews.View.class),
                    examples = @ExampleObject(name = "draft", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed body, links that are not URLs, or a malformed If-Match.")
    @APIResponse(responseCode = "403", description = "An officer of another region.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "Submitted already, declined, or the cycle is past self-assessment (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "An unknown indicator, a value off the scale, or the deadline has passed.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "deadline", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"selfAssessmentDeadline: the deadline 2022-02-15T16:59:59Z has passed",\
                            "violations":[{"field":"selfAssessmentDeadline","message":"the deadline 2022-02-15T16:59:59Z has passed"}]}""")))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> saveDraft(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SelfAssessmentViews.Request body) {
        Long expected = ETags.revision(ifMatch);
        return selfAssessments.saveDraft(Caller.of(identity), cycleId, regionCode, expected,
                SelfAssessmentViews.toAnswers(body)).map(SelfAssessmentResource::ok);
    }

    @POST
    @Path("/submission")
    @RolesAllowed(REGION_OFFICER)
    @Operation(operationId = "submitSelfAssessment", summary = "Submit the self-assessment",
            description = """
                    Submits the draft as it is (the `If-Match` revision): once, before the deadline; it is read-only \
                    afterwards. A second submission is `409`; after the deadline `422` naming \
                    `selfAssessmentDeadline`. Audited and published as `SelfAssessmentSubmitted` (key: the region \
                    code). The body is optional: a submission recorded after the fact sends `{"occurred": {...}}`; \
                    the deadline then judges that date (a 2022 submission recorded today within the 2022 schedule \
                    is in time), and it is not before the invitation (`400` naming `occurred`).""" + ROLES_WRITE)
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SelfAssessmentViews.Submission.class),
            examples = @ExampleObject(name = "after the fact", value = "{\"occurred\":{\"date\":\"2022-02-10\",\"precision\":\"DAY\"}}")))
    @APIResponse(responseCode = "200", description = "Submitted.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelfAssessmentViews.View.class)))
    @APIResponse(responseCode = "400", description = "A malformed code or If-Match; an `occurred` that is malformed, in the future, before 2017 or before the invitation.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "submitted before invited", value = ApiDocs.EXAMPLE_400_OCCURRED)))
    @APIResponse(responseCode = "403", description = "An officer of another region.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = """
                            {"type":"https://kotacerdas.id/problems/forbidden","title":"Forbidden","status":403,\
                            "detail":"A region officer may act only for their own region (51.02), not 18.72."}""")))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "Already submitted (state SUBMITTED), declined, or the cycle is past self-assessment.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "second submission", value = """
                            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
                            "detail":"The self-assessment of 18.72 is SUBMITTED (on 2022-02-10T03:00Z) and read-only."}""")))
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "422", description = "The deadline has passed.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> submit(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            SelfAssessmentViews.Submission body) {
        Long expected = ETags.revision(ifMatch);
        return selfAssessments.submit(Caller.of(identity), cycleId, regionCode, expected,
                body == null ? null : body.occurred()).map(SelfAssessmentResource::ok);
    }

    private static Response ok(SelfAssessmentService.Current current) {
        return Response.ok(SelfAssessmentViews.View.of(current)).tag(ETags.of(current.assessment().revision)).build();
    }
}
