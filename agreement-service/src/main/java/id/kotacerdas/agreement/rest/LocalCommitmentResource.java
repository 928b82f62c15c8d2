package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.repository.LocalCommitmentRepository;
import id.kotacerdas.platform.web.SortOrder;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.agreement.service.LocalCommitmentService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
@Path("/api/v1/local-commitments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Local commitments")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class LocalCommitmentResource {

    /** The sort parameter: {@code SortOrder.regex("signedOn", "regionCode", "createdAt")} (an annotation takes only constants). */
    static final String SORT_REGEX = "[-+]?(signedOn|regionCode|createdAt)";

    static final String READERS = """
            `ministry-admin`, `assessor` and `auditor` read all; a `region-officer` reads only their own region's \
            (another region's is `403`).""";
    static final String REQUEST_EXAMPLE = """
            {"regionCode":"52.07","signedOn":"2022-09-22","venue":"Ruang rapat Kantor Bupati",\
            "regionalHead":{"position":"Bupati Sumbawa Barat"},"sekda":{"position":"Sekretaris Daerah Kabupaten Sumbawa Barat"},\
            "opds":[{"name":"Dinas Komunikasi, Informatika dan Statistik","head":{"position":"Kepala Dinas"}},\
            {"name":"Badan Perencanaan Pembangunan Daerah","head":{"position":"Kepala Badan"}}],\
            "bimtek":{"stage":4},"sources":[{"title":"Sumbawa Barat report 2022"}]}""";
    static final String VIEW_EXAMPLE = """
            {"id":"2c4e6a8b-0d1f-4e3a-9b5c-7d8e9f0a1b2c","version":0,"revision":1,"regionCode":"52.07","regionName":"Kabupaten Sumbawa Barat",\
            "provinceCode":"52","signedOn":"2022-09-22","venue":"Ruang rapat Kantor Bupati",\
            "regionalHead":{"position":"Bupati Sumbawa Barat"},"sekda":{"position":"Sekretaris Daerah Kabupaten Sumbawa Barat"},\
            "opds":[{"name":"Dinas Komunikasi, Informatika dan Statistik","head":{"position":"Kepala Dinas"}}],\
            "bimtek":{"stage":4},"sources":[{"title":"Sumbawa Barat report 2022"}],"createdAt":"2026-11-30T08:00:00Z","createdBy":"ministry"}""";

    @Inject
    LocalCommitmentService commitments;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "listLocalCommitments", summary = "List local commitments",
            description = "Local commitments by region, province and signing year, newest signing first unless `sort` says "
                    + "otherwise (ties: newest signing, then id). " + READERS)
    @APIResponse(responseCode = "200", description = "A page of local commitments.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.Page.class),
                    examples = @ExampleObject(name = "KSB", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region.")
    public Uni<LocalCommitmentViews.Page> list(
            @Parameter(description = "Only this region's.", example = "52.07")
            @QueryParam("regionCode") @Size(max = 5)
            @Pattern(regexp = MouRequests.REGION_CODE_REGEX, message = "must be a Kemendagri code: PP or PP.KK (digits)") String regionCode,
            @Parameter(description = "Only this province's and its kabupaten/kota's.", example = "52")
            @QueryParam("provinceCode") @Size(max = 2) @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String provinceCode,
            @Parameter(description = "Only those signed in this year (`year` until issue 25: still read, deprecated).", example = "2022")
            @QueryParam("signingYear") @Min(2017) @Max(2100) Integer signingYear,
            @Parameter(description = "Also commitments that were withdrawn (they never count otherwise).", example = "false")
            @QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "Sort field, `-` prefix for descending: signedOn, regionCode, createdAt. Default `-signedOn`.", example = "regionCode")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of signedOn, regionCode, createdAt, optionally prefixed with -") String sort,
            @Valid @BeanParam PageParams paging) {
        SortOrder order = SortOrder.parse(sort);
        return commitments.list(caller(), regionCode, provinceCode, signingYear, Boolean.TRUE.equals(includeWithdrawn),
                SortOrder.field(order, LocalCommitmentRepository.SortField.class), SortOrder.descending(order), paging.page, paging.size)
                .map(found -> new LocalCommitmentViews.Page(found.items().stream().map(MouMapper::toView).toList(),
                        paging.page, paging.size, found.total(), paging.totalPages(found.total())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER, Caller.IMPORTER })
    @Operation(operationId = "createLocalCommitment", summary = "Record a local commitment (komitmen bersama)",
            description = """
                    For a `region-officer` of the region named in the body (any other region is `403` and nothing is \
                    written), and for `ministry-admin` (past years). Records who signed (the regional head, the Sekda, \
                    each OPD with its head: names where the source gives them), when (not after today), where, and \
                    optionally the bimtek it closed and the region's MoU it follows. Send an `Idempotency-Key`. \
                    `origin: RECORDED` (a past commitment entered from its sources) requires `sources`; the `importer` \
                    machine role may record only such commitments (of any region; `origin` left out is `RECORDED`, \
                    `LIVE` a 400) and may call nothing else here but `POST /api/v1/recorded-mous`. \
                    Audited; publishes `LocalCommitmentSigned` (with its `origin` and `sources`).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LocalCommitmentRequests.Commitment.class),
            examples = @ExampleObject(name = "Kabupaten Sumbawa Barat", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is its URI.",
            headers = { @Header(name = "Location", description = "URI of the new commitment."),
                    @Header(name = "ETag", description = "Its revision (1)."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.Commitment.class),
                    examples = @ExampleObject(name = "recorded", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid (no OPD, a date in the future or before 2017, no `sources` for a recorded commitment).")
    @APIResponse(responseCode = "403", description = "The caller may not record this region's commitments.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No region has the code, the MoU named is not the region's, or the Idempotency-Key was used for another request.")
    @APIResponse(responseCode = "503", description = "The region registry has not fully arrived yet (`Retry-After`).")
    public Uni<Response> create(
            @Parameter(description = "A unique key per intended creation, at most 255 characters.") @HeaderParam(Idempotency.HEADER) @Size(max = 255) String idempotencyKey,
            LocalCommitmentRequests.Commitment body, @Context UriInfo uri) {
        return commitments.create(caller(), body == null ? null : body.regionCode(),
                () -> MouMapper.toRecord(bodies.validated(body)), idempotencyKey,
                c -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(c.id.toString()).build(),
                        Long.toString(c.revision), MouMapper.toView(c)))
                .map(IdempotentResponses::created);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "getLocalCommitment", summary = "Read a local commitment", description = READERS)
    @APIResponse(responseCode = "200", description = "The commitment.",
            headers = @Header(name = "ETag", description = "Its revision: the `If-Match` of a correction or withdrawal."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.Commitment.class),
                    examples = @ExampleObject(name = "KSB", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region's.")
    @APIResponse(responseCode = "404", description = "No such commitment.")
    public Uni<Response> get(@Parameter(description = "The commitment's id.") @PathParam("id") UUID id) {
        return commitments.get(caller(), id).map(c -> Response.ok(MouMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctLocalCommitment", summary = "Correct a local commitment in the open",
            description = """
                    For `ministry-admin` (issue 18). `If-Match` is its revision (`428` without, `412` when stale); the \
                    body gives a reason, the sources of the correction (required for a recorded commitment) and the \
                    `changes` (`mouId`, `title`, `signedOn`, `venue`, `regionalHead`, `sekda`, `opds`, `bimtek`, \
                    `sources`, `notes`, with the rules of `POST /api/v1/local-commitments`; none given, or none that \
                    differs, is `400` naming `changes`; `regionCode` and `origin` are `400`: withdraw it and record it \
                    anew). Answers the commitment as it now stands, its revision one higher; the earlier value stays \
                    readable in `GET …/revisions`. A withdrawn commitment is `409`. Audited; publishes \
                    `LocalCommitmentCorrected`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LocalCommitmentRequests.Correction.class),
            examples = @ExampleObject(name = "the day", value = """
                    {"reason":"The regency's report gives 30 September",\
                    "sources":[{"title":"Laporan Smart City KSB 2022","url":"https://sumbawabaratkab.go.id/laporan-2022"}],\
                    "changes":{"signedOn":"2022-09-30"}}""")))
    @APIResponse(responseCode = "200", description = "Corrected; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The commitment's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.Commitment.class),
                    examples = @ExampleObject(name = "corrected", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason, no sources (recorded commitment), no or no-op `changes`, a change that breaks the rules of creation (`changes.signedOn` ...).")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such commitment.")
    @APIResponse(responseCode = "409", description = "The commitment was withdrawn.")
    @APIResponse(responseCode = "412", description = "If-Match is not the commitment's revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "`changes.mouId` is not an MoU of the commitment's region.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> correct(@Parameter(description = "The commitment's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the commitment as you read it (its revision).", example = "\"1\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            LocalCommitmentRequests.Correction body) {
        return commitments.correct(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toCorrection(bodies.validated(body)))
                .map(c -> Response.ok(MouMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawLocalCommitment", summary = "Withdraw a local commitment in the open",
            description = """
                    For `ministry-admin` (issue 18): the commitment should never have been recorded. `If-Match` is its \
                    revision (`428` without, `412` when stale); body `{"reason", "sources"}` (sources required for a \
                    recorded commitment). It stays readable by id (with `withdrawn`), in its revisions and in the \
                    audit, and leaves `GET /api/v1/local-commitments` unless `includeWithdrawn=true`; its revision goes \
                    up by one; a withdrawn commitment is `409`. Audited; publishes `LocalCommitmentWithdrawn`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = id.kotacerdas.platform.record.Withdrawal.class),
            examples = @ExampleObject(name = "twice", value = """
                    {"reason":"Recorded twice","sources":[{"title":"Laporan Smart City KSB 2022","url":"https://sumbawabaratkab.go.id/laporan-2022"}]}""")))
    @APIResponse(responseCode = "200", description = "Withdrawn; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The commitment's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.Commitment.class),
                    examples = @ExampleObject(name = "withdrawn", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason; no sources for a recorded commitment.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such commitment.")
    @APIResponse(responseCode = "409", description = "The commitment was withdrawn already.")
    @APIResponse(responseCode = "412", description = "If-Match is not the commitment's revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> withdraw(@Parameter(description = "The commitment's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the commitment as you read it (its revision).", example = "\"1\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            id.kotacerdas.platform.record.Withdrawal body) {
        return commitments.withdraw(caller(), id, ETags.versionOf(ifMatch), () -> body)
                .map(c -> Response.ok(MouMapper.toView(c)).tag(ETags.of(c.revision)).build());
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "listLocalCommitmentRevisions", summary = "Every value of a local commitment",
            description = "Revision 1 as recorded, then one per correction and the withdrawal, each with `at`, `by`, "
                    + "`reason`, `sources` (of the change) and `value` (the commitment as it stood); the last is the "
                    + "current value. " + READERS)
    @APIResponse(responseCode = "200", description = "A page of the revisions, first first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LocalCommitmentViews.RevisionPage.class),
                    examples = @ExampleObject(name = "corrected once", value = """
                            {"commitmentId":"2c4e6a8b-0d1f-4e3a-9b5c-7d8e9f0a1b2c","items":[\
                            {"revision":1,"kind":"RECORDED","at":"2026-11-30T08:00:00Z","by":"ministry","reason":null,"sources":[],\
                            "value":{"signedOn":"2022-09-22","venue":"Ruang rapat Kantor Bupati"}},\
                            {"revision":2,"kind":"CORRECTION","at":"2026-12-01T09:00:00Z","by":"ministry",\
                            "reason":"The regency's report gives 30 September",\
                            "sources":[{"title":"Laporan Smart City KSB 2022","url":"https://sumbawabaratkab.go.id/laporan-2022"}],\
                            "value":{"signedOn":"2022-09-30","venue":"Ruang rapat Kantor Bupati"}}],\
                            "page":0,"size":20,"total":2,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The id or the page is invalid.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region's.")
    @APIResponse(responseCode = "404", description = "No such commitment.")
    public Uni<LocalCommitmentViews.RevisionPage> revisions(@Parameter(description = "The commitment's id.") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams paging) {
        return commitments.revisions(caller(), id).map(r -> MouMapper.toView(r, paging));
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
