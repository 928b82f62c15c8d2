package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.service.ResultLetterPdf;
import id.kotacerdas.assessment.service.ResultLetterService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
 * Result letters, published to every role (JSON and PDF); issued or recorded per cycle by
 * {@link CycleResultLetterResource}.
 */
@Idempotent
@Path("/api/v1/result-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Result letters")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class ResultLetterResource {

    static final String LETTER_EXAMPLE = """
            {"id":"7d1c2e4f-3a5b-4c6d-8e9f-0a1b2c3d4e5f","number":"B-349/DJAI/AI.01.02/06/2022","issuedOn":"2022-06-03",\
            "cycleId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","selectionId":"5c0e3f7a-8a5b-4a0f-b3a1-2f6d9c1e7b20",\
            "programmeYear":2023,"recorded":true,"regions":[{"regionCode":"18.72","regionName":"Kota Metro",\
            "provinceCode":"18","track":"KAB_KOTA"}],"createdAt":"2022-06-03T03:00:00Z","createdBy":"ministry",\
            "pdf":"/api/v1/result-letters/7d1c2e4f-3a5b-4c6d-8e9f-0a1b2c3d4e5f/pdf"}""";

    @Inject
    ResultLetterService letters;

    @Inject
    ResultLetterPdf pdf;

    @Inject
    RecordedCreates records;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordResultLetter", summary = "Record a result letter on its own, from its sources",
            description = """
                    A «Penyampaian Hasil Asesmen» letter known from its sources, without a cycle of this service: its \
                    existing `number` exactly as the source writes it (`B-{n}` or `B.{n}`, `/DJAI/`, any \
                    classification `AI.{nn}.{nn}`, `/{MM}/{YYYY}`, e.g. `B.116/DJAI/AI.01.05/02/2019`; another form \
                    is `400` naming `number`; MM/YYYY `issuedOn`'s, else `422` naming `number`; kept as written; the \
                    year's counter is raised to `{n}`, an `{n}` of the year used by another letter is `409`), its \
                    `issuedOn` (formerly `date`; not in the future nor before 2017), `programmeYear`, the `regions` it names (each in the \
                    registry replica with the track of its level: `422` naming `regions[i].regionCode` or \
                    `regions[i].track`) and `sources` (required). The live rule "a letter lists the regions of a \
                    confirmed selection" stays for `POST /assessment-cycles/{id}/result-letters`. **Idempotent by \
                    `number`**: the same letter again is `200` with the stored one, nothing written; different content \
                    is `409` naming the first differing field; new is `201`. Published as `ResultLetterIssued` \
                    (`origin` RECORDED, `recorded` true, `cycleId` and `selectionId` null, `recordId` the letter's id, \
                    `occurred` its date, `sources`; key: the letter's id), audited. Roles: `ministry-admin`, `importer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultLetterViews.RecordedLetterRequest.class),
            examples = @ExampleObject(name = "B-349 of 2022", value = """
                    {"number":"B-349/DJAI/AI.01.02/06/2022","issuedOn":"2022-06-03","programmeYear":2022,\
                    "regions":[{"regionCode":"18.72","track":"KAB_KOTA"}],\
                    "sources":[{"title":"Penyampaian Hasil Asesmen","url":"https://metrokota.go.id/berita/hasil-asesmen-2022"}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded.",
            headers = @Header(name = "Location", description = "URI of the letter."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class)))
    @APIResponse(responseCode = "200", description = "The same letter was recorded before: the stored one; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body; a `number` not in the ministry's form; no `regions`; no `sources` or a source without an http(s) url; an `issuedOn` in the future or before 2017.")
    @APIResponse(responseCode = "403", description = "Not the ministry or the importer.")
    @APIResponse(responseCode = "409", description = "The number is recorded with different content (the problem names the field), or used by another letter.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A number whose MM/YYYY is not the date's; a region not in the registry or in another track.")
    @APIResponse(responseCode = "503", description = "The region registry replica is incomplete.")
    public Uni<Response> record(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ResultLetterViews.RecordedLetterRequest body) {
        Caller caller = Caller.of(identity);
        return records.record(caller, idempotencyKey, body,
                () -> letters.recordOnItsOwn(caller, body.number(), body.issuedOn(), body.programmeYear(),
                        body.regions() == null ? null : body.regions().stream().map(r -> r == null ? null
                                : new ResultLetterService.NamedRegion(r.regionCode(), r.track())).toList(),
                        body.sources()),
                l -> URI.create("/api/v1/result-letters/" + l.id), l -> null, ResultLetterViews.LetterView::of);
    }

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listResultLetters", summary = "Every result letter",
            description = "By default newest first; published results. A withdrawn letter is left out unless `includeWithdrawn=true`. Roles: every role.")
    @APIResponse(responseCode = "200", description = "A page of letters.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterPage.class),
                    examples = @ExampleObject(name = "one", value = "{\"items\":[" + LETTER_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A malformed `includeWithdrawn`, sort or page.")
    public Uni<ResultLetterViews.LetterPage> list(
            @Parameter(description = "Also the withdrawn letters (each with `withdrawn`).") @QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "One of issuedOn, number, programmeYear, createdAt; `-` in front for descending. Absent: newest letter first.", example = "issuedOn")
            @QueryParam("sort") @jakarta.validation.constraints.Size(max = 30)
            @jakarta.validation.constraints.Pattern(regexp = SORT_REGEX, message = "must be one of issuedOn, number, programmeYear, createdAt, optionally prefixed with - for descending") String sort,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return letters.list(Boolean.TRUE.equals(includeWithdrawn)).map(all -> ResultLetterViews.LetterPage.of(
                Lists.sorted(all.stream().map(ResultLetterViews.LetterView::of).toList(), sort, LETTER_ORDER), paging));
    }

    /** The {@code sort} parameter's values. */
    static final String SORT_REGEX = "[-+]?(issuedOn|number|programmeYear|createdAt)";

    private static final java.util.Map<String, java.util.Comparator<ResultLetterViews.LetterView>> LETTER_ORDER = java.util.Map.of(
            "issuedOn", Lists.by(ResultLetterViews.LetterView::issuedOn),
            "number", Lists.by(ResultLetterViews.LetterView::number),
            "programmeYear", Lists.by(ResultLetterViews.LetterView::programmeYear),
            "createdAt", Lists.by(ResultLetterViews.LetterView::createdAt));

    @GET
    @Path("/{letterId}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getResultLetter", summary = "A result letter",
            description = "Its number, date and listed regions; also when withdrawn (then with `withdrawn`); its `revision` is the ETag. Roles: every role.")
    @APIResponse(responseCode = "200", description = "The letter.",
            headers = @Header(name = "ETag", description = "The letter's revision, for If-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class),
                    examples = @ExampleObject(name = "B-349", value = LETTER_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such letter.")
    public Uni<Response> get(@Parameter(description = "Letter id.") @PathParam("letterId") UUID letterId) {
        return letters.get(letterId).map(ResultLetterResource::withETag);
    }

    private static Response withETag(ResultLetter l) {
        return Response.ok(ResultLetterViews.LetterView.of(l)).tag(ETags.of(l.revision)).build();
    }

    @POST
    @Path("/{letterId}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctResultLetter", summary = "Correct a result letter recorded on its own",
            description = """
                    Changes fields of a letter recorded from its sources (origin RECORDED), with a `reason` and the \
                    `sources` that show it (required). `changes` takes the fields the letter is recorded with, under \
                    the same rules: `number` (exactly as the source writes it, `B-{n}` or `B.{n}`, any `AI.{nn}.{nn}`; \
                    its MM/YYYY the date's, else `422` naming `changes.number`, or `changes.issuedOn` when only the date \
                    changes; a number or a running number of the year another letter has is `409`), `issuedOn`, \
                    `programmeYear`, `regions` (the whole list; `422` naming `changes.regions[i].regionCode` or \
                    `.track`); absent: unchanged; an empty or no-op `changes` is `400` naming `changes`. `If-Match` \
                    with the letter's ETag is required (`428` without, `412` when stale). A letter of a cycle (origin \
                    LIVE) is not corrected: `409` naming its origin (withdraw it). The earlier value is kept \
                    (`GET …/revisions`); the answer is the letter as it now stands, its revision + 1. A withdrawn \
                    letter is `409`. Audited; published as `ResultLetterCorrected` (the fields of `ResultLetterIssued` \
                    and `correction`; key: the letter's id). Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultLetterViews.CorrectionRequest.class),
            examples = @ExampleObject(name = "the number as written", value = """
                    {"reason":"The scan of the letter reads B.116, classification AI.01.05",\
                    "sources":[{"url":"https://aptika.kominfo.go.id/wp-content/uploads/2019/02/hasil-asesmen.pdf"}],\
                    "changes":{"number":"B.116/DJAI/AI.01.05/02/2019"}}""")))
    @APIResponse(responseCode = "200", description = "The letter as it now stands.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class)))
    @APIResponse(responseCode = "400", description = "No `reason`, no `sources`, no, an empty or a no-op `changes`; a `number` not in the ministry's form; an `issuedOn` in the future or before 2017; no `regions`.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "no-op", value = """
                    {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"changes: changes nothing","violations":[{"field":"changes","message":"changes nothing"}]}""")))
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such letter.")
    @APIResponse(responseCode = "409", description = "A letter of a cycle (origin LIVE); withdrawn; a number another letter has.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A number whose MM/YYYY is not the date's; a region not in the registry or in another track.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> correct(
            @Parameter(description = "Letter id.") @PathParam("letterId") UUID letterId,
            @Parameter(description = "The letter's ETag.") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ResultLetterViews.CorrectionRequest body) {
        return letters.correct(Caller.of(identity), letterId, ETags.revision(ifMatch),
                new ResultLetterService.LetterCorrection(body.reason(), body.sources(),
                        body.changes() == null ? null : body.changes().toChanges()))
                .map(ResultLetterResource::withETag);
    }

    @POST
    @Path("/{letterId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawResultLetter", summary = "Withdraw a result letter",
            description = """
                    A letter that should never have been recorded or issued: a platform `Withdrawal` (`reason` \
                    required; `sources` required for a letter recorded from its sources, optional for a letter of a \
                    cycle). It stays readable here (with `withdrawn`), as a PDF and in the audit trail, but leaves \
                    `GET /result-letters` (unless `?includeWithdrawn=true`). Its number stays used (numbers are never \
                    reused). `If-Match` required (`428`/`412`); withdrawing or correcting it again is `409`. Audited; \
                    published as `ResultLetterWithdrawn` (`letterId`, `recordId` for a recorded letter, `number`, \
                    `programmeYear`, `regions`, `withdrawal`; key as its `ResultLetterIssued`). Roles: \
                    `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = id.kotacerdas.platform.record.Withdrawal.class),
            examples = @ExampleObject(name = "issued in error", value = """
                    {"reason":"Issued twice for the same selection; B-350 stands","sources":[]}""")))
    @APIResponse(responseCode = "200", description = "The letter, now withdrawn.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class)))
    @APIResponse(responseCode = "400", description = "No `reason`; no `sources` for a recorded letter; a source without an http(s) url.")
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such letter.")
    @APIResponse(responseCode = "409", description = "Already withdrawn.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> withdraw(
            @Parameter(description = "Letter id.") @PathParam("letterId") UUID letterId,
            @Parameter(description = "The letter's ETag.") @HeaderParam("If-Match") String ifMatch,
            @NotNull id.kotacerdas.platform.record.Withdrawal body) {
        return letters.withdraw(Caller.of(identity), letterId, ETags.revision(ifMatch), body)
                .map(ResultLetterResource::withETag);
    }

    @GET
    @Path("/{letterId}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listResultLetterRevisions", summary = "Every earlier value of a result letter",
            description = """
                    Each correction or withdrawal keeps the letter as it was: a page of `{revision, at, by, reason, \
                    sources, value}`, oldest first (empty for a letter never changed). Roles: every role.""")
    @APIResponse(responseCode = "200", description = "A page of the earlier values.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.RevisionPage.class)))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    @APIResponse(responseCode = "404", description = "No such letter.")
    public Uni<ResultLetterViews.RevisionPage> revisions(
            @Parameter(description = "Letter id.") @PathParam("letterId") UUID letterId,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return letters.revisions(letterId)
                .map(l -> ResultLetterViews.RevisionPage.of(l.stream().map(ResultLetterViews.RevisionView::of).toList(), paging));
    }

    @GET
    @Path("/{letterId}/pdf")
    @Produces({ "application/pdf", ApiDocs.PROBLEM })
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getResultLetterPdf", summary = "A result letter as a PDF",
            description = "The letter laid out on A4 (text from the service's letter template). Roles: every role.")
    @APIResponse(responseCode = "200", description = "The PDF.",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"B-349-DJAI-AI.01.02-06-2022.pdf\""),
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such letter.")
    public Uni<Response> pdf(@Parameter(description = "Letter id.") @PathParam("letterId") UUID letterId) {
        return letters.get(letterId).map(letter -> Response.ok(pdf.pdf(letter), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + letter.number.replace('/', '-') + ".pdf\"")
                .build());
    }
}
