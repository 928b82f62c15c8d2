package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.RecordedAssessmentService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.security.Caller;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
 * Outcomes of past assessments, recorded from their sources (issue 18 item 2): a record path beside the live cycle,
 * which it never touches nor weakens.
 */
@Idempotent
@Path("/api/v1/recorded-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recorded assessments")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RecordedAssessmentResource {

    static final String EXAMPLE = """
            {"id":"0b9f0a4e-6f7e-4d1c-9a55-3f1f0c2b8e11","programmeYear":2022,"track":"KAB_KOTA","assessmentYear":2021,\
            "regionCode":"18.72","regionName":"Kota Metro","regionLevel":"KOTA","provinceCode":"18","outcome":"SELECTED",\
            "score":65.00,"scoreKnown":true,"rank":null,"rankKnown":false,"invited":null,"submitted":null,\
            "occurred":{"date":"2022-04","precision":"MONTH"},"origin":"RECORDED",\
            "sources":[{"title":"Metro masuk 50 kabupaten/kota smart city","url":"https://metrokota.go.id/berita/smart-city-2022",\
            "publishedOn":"2022-04-21"}],"cohortMember":true,"recordedAt":"2026-12-07T10:00:00Z","recordedBy":"importer"}""";

    @Inject
    RecordedAssessmentService service;

    @Inject
    RecordedCreates records;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordAssessmentOutcome", summary = "Record one region's outcome of a past assessment",
            description = """
                    A past assessment's outcome for one region (`SELECTED` or `NOT_SELECTED` for `programmeYear` and \
                    `track`), as its `sources` give it, in its own table: no live cycle is made or changed. Unknown \
                    stays unknown: `score`/`rank` null with `scoreKnown`/`rankKnown` false; giving a value said unknown \
                    (or none said known) is `400`. `occurred` (the outcome's date) is required; `invited` and \
                    `submitted` are optional; submitted not before invited, the outcome not before the submission (else \
                    the invitation), each a `400` naming the field. The region must be in the registry replica with \
                    the track of its level (`422` naming `regionCode` or `track`). **Idempotent by (programmeYear, \
                    track, regionCode)**: the same outcome again is `200` with the stored one, nothing written; \
                    different content is `409` naming the first differing field (use a correction); new is `201`. \
                    Published (key: region code), each with `origin` RECORDED, `cycleId` null, `recordId`, `sources`, \
                    `occurred`: `RegionInvited` when `invited` is given, `SelfAssessmentSubmitted` when `submitted` is \
                    given, `RegionScored` when the score is known (dated by the outcome), then `RegionSelected` or \
                    `RegionNotSelected`. A SELECTED outcome makes the region a member of that year's cohort \
                    (`GET /cohorts`, the statistics, the earlier cohorts a later selection learns) — once, also when \
                    the region is an imported member of that year. Audited. Roles: `ministry-admin`, `importer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordedAssessmentViews.Request.class),
            examples = @ExampleObject(name = "Kota Metro, 2022", value = """
                    {"programmeYear":2022,"track":"KAB_KOTA","assessmentYear":2021,"regionCode":"18.72",\
                    "outcome":"SELECTED","score":65.0,"scoreKnown":true,"rank":null,"rankKnown":false,\
                    "invited":null,"submitted":null,"occurred":{"date":"2022-04","precision":"MONTH"},\
                    "sources":[{"title":"Metro masuk 50 kabupaten/kota smart city",\
                    "url":"https://metrokota.go.id/berita/smart-city-2022","publishedOn":"2022-04-21"}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded.",
            headers = { @Header(name = "Location", description = "URI of the recorded outcome."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordedAssessmentViews.View.class),
                    examples = @ExampleObject(name = "Kota Metro, 2022", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The same outcome was recorded before with the same content: the stored one; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.View.class)))
    @APIResponse(responseCode = "400", description = "Malformed body; no `sources`; `score`/`rank` against `scoreKnown`/`rankKnown`; no `occurred`; a date malformed, in the future, before 2017 or out of order (`submitted`, `occurred`).",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "out of order", value = """
                    {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"occurred: lies before the submission (2022-03-10)",\
                    "violations":[{"field":"occurred","message":"lies before the submission (2022-03-10)"}]}""")))
    @APIResponse(responseCode = "403", description = "Not the ministry or the importer.")
    @APIResponse(responseCode = "409", description = "The outcome is recorded with different content: the problem names the first differing field; use a correction.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No region has the code, it is administrative, or its level has another track; a reused Idempotency-Key.")
    @APIResponse(responseCode = "503", description = "The region registry replica is incomplete.")
    public Uni<Response> record(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull RecordedAssessmentViews.Request body) {
        Caller caller = Caller.of(identity);
        return records.record(caller, idempotencyKey, body,
                () -> service.record(caller, new RecordedAssessmentService.NewOutcome(body.programmeYear(), body.track(),
                        body.assessmentYear(), body.regionCode(), body.outcome(), body.score(), body.scoreKnown(),
                        body.rank(), body.rankKnown(), body.invited(), body.submitted(), body.occurred(), body.sources())),
                a -> URI.create("/api/v1/recorded-assessments/" + a.id), a -> null, RecordedAssessmentViews.View::of);
    }

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listRecordedAssessments", summary = "The recorded outcomes of past assessments",
            description = """
                    By default by programme year, track and region code; `programmeYear` filters. A withdrawn outcome \
                    is left out unless `includeWithdrawn=true`. Roles: every role but the importer.""")
    @APIResponse(responseCode = "200", description = "A page of outcomes.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.Page.class)))
    @APIResponse(responseCode = "400", description = "A malformed `programmeYear`, sort or page.")
    public Uni<RecordedAssessmentViews.Page> list(
            @Parameter(description = "Only this programme year.", example = "2022") @QueryParam("programmeYear")
            @Min(2017) @Max(2100) Integer programmeYear,
            @Parameter(description = "Also the withdrawn outcomes.") @QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "One of programmeYear, track, regionCode, rank, score; `-` in front for descending. Absent: by programme year, track and region code.", example = "-programmeYear")
            @QueryParam("sort") @jakarta.validation.constraints.Size(max = 30)
            @jakarta.validation.constraints.Pattern(regexp = SORT_REGEX, message = "must be one of programmeYear, track, regionCode, rank, score, optionally prefixed with - for descending") String sort,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return service.list(programmeYear, Boolean.TRUE.equals(includeWithdrawn)).map(list -> RecordedAssessmentViews.Page.of(
                Lists.sorted(list.stream().map(RecordedAssessmentViews.View::of).toList(), sort, RECORD_ORDER), paging));
    }

    /** The {@code sort} parameter's values. */
    static final String SORT_REGEX = "[-+]?(programmeYear|track|regionCode|rank|score)";

    private static final java.util.Map<String, java.util.Comparator<RecordedAssessmentViews.View>> RECORD_ORDER = java.util.Map.of(
            "programmeYear", Lists.by(RecordedAssessmentViews.View::programmeYear),
            "track", Lists.by(RecordedAssessmentViews.View::track),
            "regionCode", Lists.by(RecordedAssessmentViews.View::regionCode),
            "rank", Lists.by(RecordedAssessmentViews.View::rank),
            "score", Lists.by(RecordedAssessmentViews.View::score));

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRecordedAssessment", summary = "One recorded outcome of a past assessment",
            description = "Also when withdrawn (then with `withdrawn`); its `revision` is the ETag. Roles: every role but the importer.")
    @APIResponse(responseCode = "200", description = "The outcome.",
            headers = @Header(name = "ETag", description = "The outcome's revision, for If-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.View.class),
                    examples = @ExampleObject(name = "Kota Metro, 2022", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such recorded outcome.")
    public Uni<Response> get(
            @Parameter(description = "The record's id.") @PathParam("id") UUID id) {
        return service.get(id).map(RecordedAssessmentResource::withETag);
    }

    private static Response withETag(id.kotacerdas.assessment.domain.RecordedAssessment a) {
        return Response.ok(RecordedAssessmentViews.View.of(a)).tag(ETags.of(a.revision)).build();
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctRecordedAssessment", summary = "Correct a recorded outcome of a past assessment",
            description = """
                    Changes fields of a recorded outcome, with a `reason` and the `sources` that show it (required). \
                    `changes` takes the fields the outcome is recorded with, under the same rules: `outcome`, `score`, \
                    `scoreKnown`, `rank`, `rankKnown`, `invited`, `submitted`, `occurred`, `assessmentYear` (absent: \
                    unchanged; `invited`/`submitted`/`assessmentYear` null: unknown; `scoreKnown`/`rankKnown` false: \
                    unknown); the natural key (`programmeYear`, `track`, `regionCode`) is not changeable (`400` naming \
                    it: withdraw and record again); an empty or no-op `changes` is `400` naming `changes`. `If-Match` \
                    with the outcome's ETag is required (`428` without, `412` when stale). A change of `outcome` moves \
                    the cohort membership: SELECTED is a member of the year's cohort (`GET /cohorts`, the statistics, \
                    the earlier cohorts), NOT_SELECTED is not. The earlier value is kept (`GET …/revisions`); the \
                    answer is the outcome as it now stands, its revision + 1. A withdrawn outcome is `409`. Audited; \
                    published as `AssessmentOutcomeCorrected` (the outcome in the fields of its `RegionSelected` / \
                    `RegionNotSelected`, `origin` RECORDED, `recordId`, and `correction` with the changed fields' \
                    earlier values; key: region code). Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordedAssessmentViews.CorrectionRequest.class),
            examples = @ExampleObject(name = "not selected after all", value = """
                    {"reason":"The ministry's list of 2022 does not name Kota Metro","sources":[{"title":"Daftar 50 \
                    kabupaten/kota 2022","url":"https://aptika.kominfo.go.id/2022/04/daftar-smart-city"}],\
                    "changes":{"outcome":"NOT_SELECTED","scoreKnown":false}}""")))
    @APIResponse(responseCode = "200", description = "The outcome as it now stands.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.View.class)))
    @APIResponse(responseCode = "400", description = "No `reason`, no `sources`, no, an empty or a no-op `changes`, the natural key in `changes`, a change breaking the rules of a record (named `changes.<field>`).",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "no-op", value = """
                    {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"changes: changes nothing","violations":[{"field":"changes","message":"changes nothing"}]}""")))
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such recorded outcome.")
    @APIResponse(responseCode = "409", description = "The outcome is withdrawn.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> correct(
            @Parameter(description = "The record's id.") @PathParam("id") UUID id,
            @Parameter(description = "The outcome's ETag.") @HeaderParam("If-Match") String ifMatch,
            @NotNull RecordedAssessmentViews.CorrectionRequest body) {
        return service.correct(Caller.of(identity), id, ETags.revision(ifMatch),
                new RecordedAssessmentService.Correction(body.reason(), body.sources(),
                        RecordedAssessmentChangesReader.read(body.changes())))
                .map(RecordedAssessmentResource::withETag);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawRecordedAssessment", summary = "Withdraw a recorded outcome of a past assessment",
            description = """
                    An outcome that should never have been recorded: a platform `Withdrawal` (`reason`, `sources` \
                    required). It stays readable here (with `withdrawn`) and in the audit trail, but leaves the list \
                    (unless `?includeWithdrawn=true`) and, when SELECTED, the cohort membership it made (`GET /cohorts`, \
                    the statistics, the earlier cohorts a later selection learns). `If-Match` required (`428`/`412`); \
                    withdrawing or correcting it again is `409`. Audited; published as `AssessmentOutcomeWithdrawn` \
                    (`regionCode`, `programmeYear`, `track`, `recordId`, `withdrawal`; key: region code). Roles: \
                    `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = id.kotacerdas.platform.record.Withdrawal.class),
            examples = @ExampleObject(name = "another region", value = """
                    {"reason":"The article is about Kabupaten Metro, not Kota Metro","sources":[{"url":"https://metrokota.go.id/berita/ralat"}]}""")))
    @APIResponse(responseCode = "200", description = "The outcome, now withdrawn.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.View.class)))
    @APIResponse(responseCode = "400", description = "No `reason` or no `sources`.")
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such recorded outcome.")
    @APIResponse(responseCode = "409", description = "Already withdrawn.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> withdraw(
            @Parameter(description = "The record's id.") @PathParam("id") UUID id,
            @Parameter(description = "The outcome's ETag.") @HeaderParam("If-Match") String ifMatch,
            @NotNull id.kotacerdas.platform.record.Withdrawal body) {
        return service.withdraw(Caller.of(identity), id, ETags.revision(ifMatch), body)
                .map(RecordedAssessmentResource::withETag);
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listRecordedAssessmentRevisions", summary = "Every earlier value of a recorded outcome",
            description = """
                    Each correction or withdrawal keeps the outcome as it was: a page of `{revision, at, by, reason, \
                    sources, value}`, oldest first (empty for an outcome never changed). Roles: every role but the importer.""")
    @APIResponse(responseCode = "200", description = "A page of the earlier values.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.RevisionPage.class)))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    @APIResponse(responseCode = "404", description = "No such recorded outcome.")
    public Uni<RecordedAssessmentViews.RevisionPage> revisions(
            @Parameter(description = "The record's id.") @PathParam("id") UUID id,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return service.revisions(id)
                .map(l -> RecordedAssessmentViews.RevisionPage.of(l.stream().map(RecordedAssessmentViews.RevisionView::of).toList(), paging));
    }
}
