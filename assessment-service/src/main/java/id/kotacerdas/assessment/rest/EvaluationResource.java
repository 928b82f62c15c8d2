package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.domain.EvaluationChanges;
import id.kotacerdas.assessment.service.EvaluationCorrections;
import id.kotacerdas.assessment.service.EvaluationResults;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.assessment.service.ResultLetterPdf;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
 * Published evaluation results, readable by every role: the national table of a year, the distribution of the index,
 * one result and its letter (PDF), a region's history; and the recording of past years' published figures.
 */
@Idempotent
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class EvaluationResource {

    static final String RESULT_EXAMPLE = """
            {"id":"6c1f0e2d-3b4a-4c5d-9e8f-7a6b5c4d3e2f","evaluationYear":2022,"regionCode":"35.71","regionName":"Kota Kediri",\
            "level":"KOTA","provinceCode":"35","provinceName":"Jawa Timur","source":"RECORDED","index":3.31,\
            "dimensions":{"BASELINE":3.60,"OUTPUT":3.21,"OUTCOME":3.23,"IMPACT":3.07,"QUICK_WIN":3.65},\
            "pillars":{"GOVERNANCE":2.75,"BRANDING":2.75,"ECONOMY":3.50,"LIVING":3.33,"SOCIETY":3.33,"ENVIRONMENT":2.75},\
            "firstEvaluation":false,"delta":{"previousYear":2021,"previousIndex":3.06,"index":0.25,"dimensions":{}},\
            "nationalRank":22,"provincialRank":4,"letterNumber":"B-1003/DJAI/AI.01.04/12/2022","letterIssuedOn":"2022-12-05",\
            "letterPdf":"/api/v1/evaluations/6c1f0e2d-3b4a-4c5d-9e8f-7a6b5c4d3e2f/letter",\
            "sourceTitle":"Nusadaily, 29 Dec 2022","sourceUrl":"https://bangsaonline.com/berita/113379/",\
            "publishedAt":"2026-12-01T08:00:00Z","publishedBy":"ministry",\
            "check":{"computedIndex":3.26,"computedExact":3.257,"publishedIndex":3.31,"difference":0.053,"tolerance":0.01,\
            "agrees":false,"framework":"kominfo-evaluation v1",\
            "weights":{"BASELINE":10,"OUTPUT":20,"OUTCOME":30,"IMPACT":30,"QUICK_WIN":10},"rule":"..."}}""";
    static final String RECORD_EXAMPLE = """
            {"evaluationYear":2022,"regionCode":"35.71","index":3.31,\
            "dimensions":{"BASELINE":3.60,"OUTPUT":3.21,"OUTCOME":3.23,"IMPACT":3.07,"QUICK_WIN":3.65},\
            "pillars":{"GOVERNANCE":2.75,"BRANDING":2.75,"ECONOMY":3.5,"LIVING":3.33,"SOCIETY":3.33,"ENVIRONMENT":2.75},\
            "nationalRank":22,"provincialRank":4,"letterNumber":"B-1003/DJAI/AI.01.04/12/2022","letterIssuedOn":"2022-12-05",\
            "sourceTitle":"Nusadaily, 29 Dec 2022; bangsaonline.com","sourceUrl":"https://bangsaonline.com/berita/113379/"}""";
    static final String CHECK = " Every result with its five dimensions carries `check`: the index its dimensions and the "
            + "framework's weights give (2 decimals half up) beside the published one, `agrees` false beyond 0.01; a "
            + "disagreeing index is kept as published.";
    static final String ROLES = " Roles: every role.";

    @Inject
    EvaluationResults results;

    @Inject
    ResultLetterPdf pdf;

    @Inject
    IdempotentCreates creates;

    @Inject
    EvaluationCorrections corrections;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/evaluations")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationTable", summary = "A year's national evaluation table",
            description = """
                    Every published result of the year (computed and recorded), by default best index first, a page at \
                    a time, with the national and provincial ranks, the dimension and pillar scores and the delta against each region's previous \
                    evaluation; filter by province and level (the ranks stay the national/provincial ones).""" + CHECK + ROLES)
    @APIResponse(responseCode = "200", description = "A page of the table.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.TablePage.class),
                    examples = @ExampleObject(name = "Jawa Timur 2022", value = "{\"evaluationYear\":2022,\"provinceCode\":\"35\",\"rule\":\"...\",\"items\":["
                            + RESULT_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter, the sort or the page is invalid.")
    public Uni<EvaluationViews.TablePage> table(
            @Parameter(description = "The year evaluated (formerly `year`, still answered with `Deprecation: true`).", required = true,
                    example = "2023") @QueryParam("evaluationYear") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Only this province's regions.", example = "35") @QueryParam("provinceCode")
            @Pattern(regexp = "^\\d{2}$", message = "must be a two-digit province code") String provinceCode,
            @Parameter(description = "Only this level.") @QueryParam("level") RegionLevel level,
            @Parameter(description = "Withdrawn results too (they keep `withdrawn`; absent: only the standing ones).")
            @QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "One of nationalRank, provincialRank, index, regionCode, regionName; `-` in front for descending. Absent: by national rank, best index first.", example = "regionName")
            @QueryParam("sort") @jakarta.validation.constraints.Size(max = 30)
            @jakarta.validation.constraints.Pattern(regexp = SORT_REGEX, message = "must be one of nationalRank, provincialRank, index, regionCode, regionName, optionally prefixed with - for descending") String sort,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return results.ofYear(year, provinceCode, level == null ? null : level.name(), Boolean.TRUE.equals(includeWithdrawn))
                .map(all -> EvaluationViews.TablePage.of(year, provinceCode, level == null ? null : level.name(), EvaluationViews.RULE,
                        Lists.sorted(all.stream().map(EvaluationViews.ResultView::of).toList(), sort, TABLE_ORDER), paging));
    }

    /** The {@code sort} parameter's values of the table. */
    static final String SORT_REGEX = "[-+]?(nationalRank|provincialRank|index|regionCode|regionName)";

    private static final java.util.Map<String, java.util.Comparator<EvaluationViews.ResultView>> TABLE_ORDER = java.util.Map.of(
            "nationalRank", Lists.by(EvaluationViews.ResultView::nationalRank),
            "provincialRank", Lists.by(EvaluationViews.ResultView::provincialRank),
            "index", Lists.by(EvaluationViews.ResultView::index),
            "regionCode", Lists.by(EvaluationViews.ResultView::regionCode),
            "regionName", Lists.by(EvaluationViews.ResultView::regionName));

    @GET
    @Path("/evaluations/distribution")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationDistribution", summary = "The distribution of a year's index",
            description = "Histogram buckets of the index over the 0–5 scale (`bucketWidth`, default 0.5), with count, min, max, mean and median; the same filters as the table." + ROLES)
    @APIResponse(responseCode = "200", description = "The distribution.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.Distribution.class),
                    examples = @ExampleObject(name = "2023", value = """
                            {"evaluationYear":2023,"count":3,"bucketWidth":1,"min":2.10,"max":3.31,"mean":2.84,"median":3.10,\
                            "buckets":[{"from":0,"to":1,"count":0},{"from":1,"to":2,"count":0},{"from":2,"to":3,"count":1},\
                            {"from":3,"to":4,"count":2},{"from":4,"to":5,"count":0}]}""")))
    public Uni<EvaluationViews.Distribution> distribution(
            @Parameter(description = "The year evaluated (formerly `year`, still answered with `Deprecation: true`).", required = true,
                    example = "2023") @QueryParam("evaluationYear") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Only this province's regions.", example = "35") @QueryParam("provinceCode")
            @Pattern(regexp = "^\\d{2}$", message = "must be a two-digit province code") String provinceCode,
            @Parameter(description = "Only this level.") @QueryParam("level") RegionLevel level,
            @Parameter(description = "Bucket width on the 0–5 scale; absent: 0.5.", example = "0.5") @QueryParam("bucketWidth")
            @DecimalMin("0.1") @DecimalMax("5") BigDecimal bucketWidth) {
        BigDecimal width = bucketWidth == null ? new BigDecimal("0.5") : bucketWidth;
        return results.ofYear(year, provinceCode, level == null ? null : level.name())
                .map(all -> EvaluationViews.Distribution.of(year, provinceCode, level == null ? null : level.name(),
                        width, all.stream().map(w -> w.evaluation().index).toList()));
    }

    @GET
    @Path("/evaluations/{evaluationId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluation", summary = "One published evaluation result",
            description = "A region's result of one year with its delta (absent at its first evaluation: `firstEvaluation` is true and `deltaNote` says so)." + CHECK + ROLES)
    @APIResponse(responseCode = "200", description = "The result.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ResultView.class),
                    examples = @ExampleObject(name = "Kota Kediri 2022", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such result.")
    public Uni<Response> get(@Parameter(description = "Result id.") @PathParam("evaluationId") UUID evaluationId) {
        return results.get(evaluationId).map(EvaluationResource::withTag);
    }

    static Response withTag(EvaluationResults.WithPrevious w) {
        return Response.ok(EvaluationViews.ResultView.of(w)).tag(ETags.of(w.evaluation().revision)).build();
    }

    @POST
    @Path("/evaluations/{evaluationId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctEvaluation", summary = "Correct a recorded result",
            description = """
                    Corrects a RECORDED result in the open: `If-Match: "<revision>"` (`428` without, `412` when stale), \
                    a `reason`, `sources` (at least one) and `changes` (the fields to change, same names and rules as \
                    when recording; an empty or no-op `changes` is `400` naming `changes`). Answers the result as it now \
                    stands, revision + 1; the earlier value stays readable (`GET .../revisions`). The table, the \
                    distribution, the histories, their deltas and `check` follow. Published as `EvaluationCorrected` \
                    (the `EvaluationPublished` fields as they now stand + `correction`). Audited. A LIVE result \
                    (computed by a published cycle) is not correctable here, and a withdrawn one is final: `409`. \
                    Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.CorrectionRequest.class),
            examples = @ExampleObject(name = "a dimension mistyped", value = """
                    {"reason":"The source gives OUTPUT 3.12, not 3.21","sources":[{"url":"https://bangsaonline.com/berita/113379/"}],\
                    "changes":{"dimensions":{"BASELINE":3.60,"OUTPUT":3.12,"OUTCOME":3.23,"IMPACT":3.07,"QUICK_WIN":3.65}}}""")))
    @APIResponse(responseCode = "200", description = "Corrected: the result as it now stands.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ResultView.class),
                    examples = @ExampleObject(name = "Kota Kediri 2022", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No `reason`, no `sources`, an empty or no-op `changes`, a field that is not correctable (`changes.year`), or a bad `If-Match`.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "A LIVE result, or a withdrawn one; or a letter number in use.")
    @APIResponse(responseCode = "412", description = "`If-Match` names an earlier revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A figure off the scale, a missing dimension, a letter number that does not fit its date.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> correct(@Parameter(description = "Result id.") @PathParam("evaluationId") UUID evaluationId,
            @Parameter(description = "The ETag of the result as read, e.g. \"1\".", required = true) @HeaderParam("If-Match") String ifMatch,
            @NotNull EvaluationViews.CorrectionRequest body) {
        Caller caller = Caller.of(identity);
        Long revision = ETags.revision(ifMatch);
        EvaluationChanges changes = EvaluationChangesReader.read(body.changes());
        return corrections.correct(caller, evaluationId, revision, body.reason(), body.sources(), changes)
                .map(EvaluationResource::withTag);
    }

    @POST
    @Path("/evaluations/{evaluationId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawEvaluation", summary = "Withdraw a recorded result",
            description = """
                    Withdraws a RECORDED result that should never have been recorded: `If-Match`, a `reason` and \
                    `sources` (required). The result stays readable here (with `withdrawn`), in its revisions and in the \
                    audit trail, but leaves the year's table, the distribution and the region's history (unless \
                    `includeWithdrawn=true`); the next year's delta is then read against the region's previous \
                    remaining result, and the region and year may be recorded again. Published as \
                    `EvaluationWithdrawn`. Audited. A LIVE result, or one already withdrawn: `409`. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.WithdrawalRequest.class),
            examples = @ExampleObject(name = "recorded twice", value = """
                    {"reason":"Recorded twice: the 2022 result was entered as 2023","sources":[{"url":"https://bangsaonline.com/berita/113379/"}]}""")))
    @APIResponse(responseCode = "200", description = "Withdrawn: the result with `withdrawn`.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ResultView.class)))
    @APIResponse(responseCode = "400", description = "No `reason` or no `sources`, or a bad `If-Match`.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such result.")
    @APIResponse(responseCode = "409", description = "A LIVE result, or one already withdrawn.")
    @APIResponse(responseCode = "412", description = "`If-Match` names an earlier revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> withdraw(@Parameter(description = "Result id.") @PathParam("evaluationId") UUID evaluationId,
            @Parameter(description = "The ETag of the result as read, e.g. \"1\".", required = true) @HeaderParam("If-Match") String ifMatch,
            @NotNull EvaluationViews.WithdrawalRequest body) {
        Caller caller = Caller.of(identity);
        return corrections.withdraw(caller, evaluationId, ETags.revision(ifMatch), new Withdrawal(body.reason(), body.sources()))
                .map(EvaluationResource::withTag);
    }

    @GET
    @Path("/evaluations/{evaluationId}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationRevisions", summary = "A result's earlier values",
            description = "Every earlier revision of the result, a page at a time, oldest first (empty when it was never corrected or withdrawn): when and by whom it was made, the reason and sources, and the result as it was." + ROLES)
    @APIResponse(responseCode = "200", description = "A page of the earlier values.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EvaluationViews.RevisionPage.class),
                    examples = @ExampleObject(name = "one correction", value = """
                            {"items":[{"revision":1,"at":"2026-12-07T09:00:00+00:00","by":"history-importer","reason":null,\
                            "sources":[{"title":"Nusadaily","url":"https://bangsaonline.com/berita/113379/","publishedOn":null}],\
                            "value":{"revision":1,"year":2022,"regionCode":"35.71","origin":"RECORDED","index":3.31}}],\
                            "page":0,"size":20,"total":1,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    @APIResponse(responseCode = "404", description = "No such result.")
    public Uni<EvaluationViews.RevisionPage> revisions(
            @Parameter(description = "Result id.") @PathParam("evaluationId") UUID evaluationId,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return corrections.revisions(evaluationId).map(all -> EvaluationViews.RevisionPage.of(all.stream().map(r -> new EvaluationViews.RevisionView(
                r.revision(), r.at(), r.by(), r.reason(), r.sources(), r.value())).toList(), paging));
    }

    @GET
    @Path("/evaluations/{evaluationId}/letter")
    @Produces({ "application/pdf", ApiDocs.PROBLEM })
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationLetterPdf", summary = "A result's letter as a PDF",
            description = "The evaluation result letter (`B-{n}/DJAI/AI.01.04/{MM}/{YYYY}`) to the region with its figures: index, delta, ranks, dimension and pillar scores." + ROLES)
    @APIResponse(responseCode = "200", description = "The PDF.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"B-1003-DJAI-AI.01.04-12-2022.pdf\""),
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such result, or it was recorded without a letter.")
    public Uni<Response> letter(@Parameter(description = "Result id.") @PathParam("evaluationId") UUID evaluationId) {
        return results.get(evaluationId).map(found -> {
            if (found.evaluation().letterNumber == null) {
                throw id.kotacerdas.platform.web.ProblemException.notFound("The evaluation result " + evaluationId
                        + " was recorded without a result letter.");
            }
            return Response.ok(pdf.pdf(found.evaluation(), found.previous()), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\""
                            + found.evaluation().letterNumber.replace('/', '-') + ".pdf\"").build();
        });
    }

    @POST
    @Path("/evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordEvaluation", summary = "Record a past year's published result",
            description = """
                    Records the figures a past evaluation published (origin RECORDED, `source` RECORDED, no indicator \
                    detail): index and the five dimension scores on the 0–5 scale (2 decimals; outside: `422` naming the \
                    field, e.g. `dimensions.BASELINE`), optionally the six pillar scores, the ranks and the result letter \
                    (its MM/YYYY must be the letter date's; a number in use is `409`), with its `sources` (required, \
                    `400` naming `sources`; the older `sourceTitle`/`sourceUrl` alone stand for one source). \
                    **Idempotent by region and year**: the same figures again answer `200` with the stored result (no \
                    event, no audit entry); other figures are `409` naming the first differing field (use a correction, \
                    `POST /evaluations/{id}/corrections`); a LIVE (computed) result of that year is `409`; new: `201`. \
                    Published as `EvaluationPublished` (origin RECORDED, `sources`, `recordId`). An `Idempotency-Key` \
                    is honoured as well. Audited. \
                    The result is dated by its `letterIssuedOn` (DAY) when it has one, else by the `occurred` given, else \
                    by its year (YEAR): the read returns it as `occurred` and the event carries it, so a timeline puts \
                    a recorded 2023 result in 2023, not on the day it was typed in. An index its dimensions and the \
                    weights of `kominfo-evaluation` v1 do not give (beyond 0.01) is recorded as published and flagged \
                    in `check` (`agrees`: false), here and in every read. Roles: `ministry-admin`, `importer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationViews.RecordRequest.class),
            examples = @ExampleObject(name = "Kota Kediri 2022", value = RECORD_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the result's URI.",
            headers = { @Header(name = "Location", description = "URI of the result."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ResultView.class),
                    examples = @ExampleObject(name = "Kota Kediri 2022", value = RESULT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The same figures were recorded before: the stored result; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.ResultView.class)))
    @APIResponse(responseCode = "400", description = "A malformed body; no `sources` (or a bad `sources[i].url`); a `letterIssuedOn` or `occurred` that is malformed, in the future or before 2017, or an `occurred` that disagrees with `letterDate`.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no sources", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"sources: is required: name at least one source of a recorded fact (its url)",\
                            "violations":[{"field":"sources","message":"is required: name at least one source of a recorded fact (its url)"}]}""")))
    @APIResponse(responseCode = "403", description = "Not `ministry-admin` or `importer`.")
    @APIResponse(responseCode = "409", description = "The region and year are recorded with other figures (`violations[0].field` names the first that differs: use a correction), the region has a LIVE result of that year, or the letter number is in use.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A figure off the scale, a missing dimension, an unknown region, a letter number that does not fit its date, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "off the scale", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"dimensions.BASELINE: must lie on the published scale 0–5; 5.6 is outside it",\
                            "violations":[{"field":"dimensions.BASELINE","message":"must lie on the published scale 0–5; 5.6 is outside it"}]}""")))
    @APIResponse(responseCode = "503", description = "The region registry replica is not complete yet.")
    public Uni<Response> record(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull EvaluationViews.RecordRequest body,
            @Context UriInfo uri) {
        Caller caller = Caller.of(identity);
        if (idempotencyKey == null) {
            return results.record(caller, body.toRecording()).map(recorded -> recorded.created()
                    ? Response.created(uri.getAbsolutePathBuilder().path(recorded.result().evaluation().id.toString())
                            .build()).tag(ETags.of(recorded.result().evaluation().revisionNumber()))
                            .entity(EvaluationViews.ResultView.of(recorded.result())).build()
                    : replayed(recorded));
        }
        // with a key: a natural-key replay stores no answer under the key (it created nothing) and is a 200
        return creates.create(caller, idempotencyKey, body, () -> results.record(caller, body.toRecording())
                .invoke(recorded -> {
                    if (!recorded.created()) {
                        throw new AlreadyRecorded(recorded);
                    }
                }), recorded -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder()
                        .path(recorded.result().evaluation().id.toString()).build(),
                        Long.toString(recorded.result().evaluation().revisionNumber()),
                        EvaluationViews.ResultView.of(recorded.result())))
                .onFailure(AlreadyRecorded.class).recoverWithItem(f -> replayed(((AlreadyRecorded) f).recorded));
    }

    private static Response replayed(EvaluationResults.Recorded recorded) {
        return Response.ok(EvaluationViews.ResultView.of(recorded.result()))
                .tag(ETags.of(recorded.result().evaluation().revisionNumber())).build();
    }

    /** The same figures were recorded before: nothing to store under the Idempotency-Key. */
    static final class AlreadyRecorded extends RuntimeException {
        final transient EvaluationResults.Recorded recorded;

        AlreadyRecorded(EvaluationResults.Recorded recorded) {
            super(null, null, false, false);
            this.recorded = recorded;
        }
    }

    @GET
    @Path("/evaluation-histories/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getEvaluationHistory", summary = "A region's evaluation history",
            description = """
                    Every published result of the region, oldest first (computed and recorded), each with its delta, \
                    and time series of the index, each dimension and each pillar; it starts where the records start \
                    (`firstYear`; empty when there is none).""" + CHECK + ROLES)
    @APIResponse(responseCode = "200", description = "The history.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationViews.HistoryView.class),
                    examples = @ExampleObject(name = "Kota Kediri", value = """
                            {"regionCode":"35.71","regionName":"Kota Kediri","firstYear":2021,"evaluations":[],\
                            "index":[{"year":2021,"value":3.06},{"year":2022,"value":3.31}],\
                            "dimensions":{"BASELINE":[{"year":2022,"value":3.60}]},"pillars":{"GOVERNANCE":[{"year":2022,"value":2.75}]}}""")))
    @APIResponse(responseCode = "404", description = "No region has the code.")
    @APIResponse(responseCode = "503", description = "The region registry replica is not complete yet.")
    public Uni<EvaluationViews.HistoryView> history(
            @Parameter(description = "Kemendagri code.", example = "35.71") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = "Withdrawn results too (they keep `withdrawn` and are nobody's previous).")
            @QueryParam("includeWithdrawn") Boolean includeWithdrawn) {
        return results.history(regionCode, Boolean.TRUE.equals(includeWithdrawn)).map(EvaluationViews.HistoryView::of);
    }
}
