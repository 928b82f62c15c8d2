package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

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
import id.kotacerdas.assessment.service.ScoringService;

@Idempotent
@Path("/api/v1/assessment-cycles/{cycleId}/scoresheets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class ScoresheetResource {

    static final String SHEET_EXAMPLE = """
            {"regionCode":"18.72","scores":[{"indicatorCode":"K1.1","value":4},{"indicatorCode":"K2.1","value":5,"note":"RPJMD carries it"},\
            {"indicatorCode":"K3.1","value":3},{"indicatorCode":"K4.1","value":3},{"indicatorCode":"K5.1","value":4}],\
            "interviewNotes":"Dewan Smart City in place.","presentationNotes":"The Wali Kota commits APBD funding for three quick wins."}""";
    static final String OFF_SCALE = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"scores[0].value: indicator K1.1 is scored on scale readiness from 1 to 5; 7 is outside it",\
            "violations":[{"field":"scores[0].value","message":"indicator K1.1 is scored on scale readiness from 1 to 5; 7 is outside it"}]}""";

    @Inject
    ScoringService scoring;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ASSESSOR)
    @Operation(operationId = "createScoresheet", summary = "Score a region",
            description = """
                    Records the calling assessor's scoresheet of a region: a score for every indicator, on its scale \
                    (outside it: `422` naming the indicator and the range), with notes from the interview and the \
                    presentation. Only while the cycle is INTERVIEWS or SCORING, for an invited region that submitted \
                    its self-assessment; one sheet per assessor and region (a second is `409`; revise it with PUT). \
                    Audited and published as `RegionScored` (key: the region code) with the region's score so far. \
                    Send an `Idempotency-Key` so that a retry creates nothing twice. A scoring recorded after the fact \
                    gives `occurred` (not before the region's submission: `400` naming `occurred`); `RegionScored` \
                    carries it. Roles: `assessor`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreViews.Request.class), examples = @ExampleObject(name = "Kota Metro", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the sheet's URI.",
            headers = { @Header(name = "Location", description = "URI of the scoresheet."),
                    @Header(name = "ETag", description = "The sheet's revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.SheetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, or no regionCode; an `occurred` that is malformed, in the future, before 2017 or before the region's submission.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "scored before submitted", value = ApiDocs.EXAMPLE_400_OCCURRED)))
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "The cycle is not taking scores, the region declined or has not submitted, or the assessor already scored it.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A score outside the scale, an unknown or missing indicator, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "off the scale", value = OFF_SCALE)))
    public Uni<Response> create(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ScoreViews.Request body,
            @Context UriInfo uri) {
        if (body.regionCode() == null) {
            throw ProblemException.badRequest("regionCode", "is required");
        }
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, java.util.List.of(cycleId, body),
                () -> scoring.create(caller, cycleId, body.regionCode(), ScoreViews.toContent(body), body.occurred()),
                recorded -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(recorded.sheet().id.toString()).build(),
                        Long.toString(recorded.sheet().revision), ScoreViews.SheetView.of(recorded.sheet(), recorded.regionScore())));
    }

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, AUDITOR })
    @Operation(operationId = "listScoresheets", summary = "List a cycle's scoresheets",
            description = "Every assessor's sheets, by region and assessor, optionally of one region. Roles: `ministry-admin`, `assessor`, `auditor`.")
    @APIResponse(responseCode = "200", description = "A page of the sheets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.SheetPage.class)))
    @APIResponse(responseCode = "400", description = "A malformed region code or page.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    public Uni<ScoreViews.SheetPage> list(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Only this region's sheets.", example = "18.72") @QueryParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return scoring.list(Caller.of(identity), cycleId, regionCode)
                .map(sheets -> ScoreViews.SheetPage.of(sheets.stream().map(s -> ScoreViews.SheetView.of(s, null)).toList(), paging));
    }

    @GET
    @Path("/{sheetId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, AUDITOR })
    @Operation(operationId = "getScoresheet", summary = "Read a scoresheet",
            description = "The `ETag` is the revision for `If-Match`. Roles: `ministry-admin`, `assessor`, `auditor`.")
    @APIResponse(responseCode = "200", description = "The sheet.",
            headers = @Header(name = "ETag", description = "The sheet's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.SheetView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle or sheet.")
    public Uni<Response> get(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Scoresheet id.") @PathParam("sheetId") UUID sheetId) {
        return scoring.get(Caller.of(identity), cycleId, sheetId)
                .map(s -> Response.ok(ScoreViews.SheetView.of(s, null)).tag(ETags.of(s.revision)).build());
    }

    @PUT
    @Path("/{sheetId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ASSESSOR)
    @Operation(operationId = "reviseScoresheet", summary = "Revise one's scoresheet",
            description = """
                    Replaces the calling assessor's own sheet (another assessor's is `403`) while the cycle takes \
                    scores. `If-Match` is required. Unchanged sheets change nothing; a change is audited (before and \
                    after) and published as `RegionScored`. Roles: `assessor`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoreViews.Request.class), examples = @ExampleObject(name = "Kota Metro", value = SHEET_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Revised; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The sheet's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.SheetView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or If-Match, or a regionCode other than the sheet's; an `occurred` that is malformed, in the future, before 2017 or before the region's submission.")
    @APIResponse(responseCode = "403", description = "Another assessor's sheet.")
    @APIResponse(responseCode = "404", description = "No such cycle or sheet.")
    @APIResponse(responseCode = "409", description = "The cycle no longer takes scores (names its state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A score outside the scale, an unknown or missing indicator.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "off the scale", value = OFF_SCALE)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> revise(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Scoresheet id.") @PathParam("sheetId") UUID sheetId,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ScoreViews.Request body) {
        Long expected = ETags.revision(ifMatch);
        return scoring.revise(Caller.of(identity), cycleId, sheetId, body.regionCode(), expected, ScoreViews.toContent(body),
                body.occurred())
                .map(recorded -> Response.ok(ScoreViews.SheetView.of(recorded.sheet(), recorded.regionScore()))
                        .tag(ETags.of(recorded.sheet().revision)).build());
    }
}
