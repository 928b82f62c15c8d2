package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.web.SortOrder;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.agreement.service.MouService;
import id.kotacerdas.agreement.service.RecordedMouService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
@Path("/api/v1/mous")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MoUs")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class MouResource {

    /** {@code SortOrder.regex("regionCode", "programmeYear", "signedOn", "createdAt")} (an annotation takes only constants). */
    static final String SORT_REGEX = "[-+]?(regionCode|programmeYear|signedOn|createdAt)";
    static final String READERS = """
            Every role may read: `ministry-admin`, `assessor` and `auditor` all MoUs; a `region-officer` only their \
            own region's (another region's is `403`); an `integrator` only MoUs that were signed (`SIGNED`, \
            `EXPIRED`, `TERMINATED`; others are `404` to it).""";

    static final String DRAFT_EXAMPLE = """
            {"regionCode":"51.02","programmeYear":2022,"track":"KAB_KOTA",\
            "terms":{"documentName":"Nota Kesepakatan","validityYears":3,\
            "firstPartySignatory":{"name":"Semuel Abrijani Pangerapan","position":"Direktur Jenderal Aplikasi Informatika"},\
            "scope":{"standardItems":["BIMTEK_MASTERPLAN","DATA_EXCHANGE_AND_FOSS","SOSIALISASI_AND_FGD","NATIONAL_SERVICES_INTEGRATION"]}}}""";
    static final String TERMS_EXAMPLE = """
            {"title":"Nota Kesepakatan tentang Implementasi Gerakan Menuju Kota Cerdas","documentName":"MoU",\
            "firstPartyNumber":"B-123/DJAI/HK.04.02/04/2022","validityYears":3,\
            "firstPartySignatory":{"name":"Semuel Abrijani Pangerapan","position":"Direktur Jenderal Aplikasi Informatika"},\
            "witnesses":[{"name":"Johnny G. Plate","position":"Menteri Komunikasi dan Informatika","attendance":"VIRTUAL"}]}""";
    static final String LOCAL_SIDE_EXAMPLE = """
            {"localVenue":"Ruang OR Kantor Wali Kota Pangkal Pinang","localMode":"HYBRID",\
            "secondPartySignatory":{"name":"Radmida Dawam","position":"Sekretaris Daerah Kota Pangkal Pinang",\
            "onBehalfOf":"Wali Kota Pangkal Pinang"}}""";
    static final String NOT_KNOWN_EXAMPLE = """
            {"localVenue":"Kantor Dinas Kominfo Kota Metro","localMode":"VIRTUAL",\
            "secondPartySignatory":{"known":false},\
            "attendees":[{"name":"Yerri Ehwan","position":"Asisten II Sekda Kota Metro"}]}""";
    static final String VIEW_EXAMPLE = """
            {"id":"0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b","version":4,"regionCode":"19.71","regionName":"Kota Pangkal Pinang",\
            "regionLevel":"KOTA","provinceCode":"19","programmeYear":2022,"track":"KAB_KOTA","origin":"LIVE","draftedFrom":"REGION_SELECTED",\
            "state":"SIGNED","kind":"NOTA_KESEPAKATAN","documentName":"Nota Kesepakatan",\
            "title":"Nota Kesepakatan tentang Implementasi Gerakan Menuju Kota Cerdas","numbers":{},\
            "firstParty":{"position":"Direktur Jenderal Aplikasi Informatika"},\
            "secondParty":{"title":"WALI_KOTA","position":"Wali Kota Pangkal Pinang"},\
            "secondPartySignatory":{"known":true,"name":"Radmida Dawam","position":"Sekretaris Daerah Kota Pangkal Pinang","onBehalfOf":"Wali Kota Pangkal Pinang"},\
            "witnesses":[{"name":"Johnny G. Plate","position":"Menteri Komunikasi dan Informatika","attendance":"VIRTUAL"}],\
            "attendees":[],"scope":{"standardItems":[{"code":"BIMTEK_MASTERPLAN","text":"Bimbingan teknis penyusunan Rencana Induk (Masterplan) Smart City"}],"otherItems":[]},\
            "ceremony":{"id":"5b1e8c7a-1d2f-4a3b-9c8d-7e6f5a4b3c2d","title":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2022","plannedOn":"2022-04-21","heldOn":"2022-04-21","state":"HELD","mode":"VIRTUAL"},\
            "localVenue":"Ruang OR Kantor Wali Kota Pangkal Pinang","localVenueKnown":true,"localMode":"HYBRID",\
            "signedOn":"2022-04-21","validity":{"from":"2022-04-21","until":"2025-04-20","years":3},"validityYears":3,\
            "revision":1,"missingForSigning":[],"sources":[]}""";

    @Inject
    MouService mous;

    @Inject
    RecordedMouService recordedMous;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMous", summary = "List MoUs",
            description = "MoUs filtered by programme year, ceremony, state, region and province, one page at a time. " + READERS)
    @APIResponse(responseCode = "200", description = "A page of MoUs.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Page.class),
                    examples = @ExampleObject(name = "one MoU", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter, the sort or the page is invalid.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region.")
    public Uni<MouViews.Page> list(@Valid @BeanParam MouFilterParams filter,
            @Parameter(description = "Sort field, `-` prefix for descending: regionCode, programmeYear, signedOn, createdAt.", example = "regionCode")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of regionCode, programmeYear, signedOn, createdAt, optionally prefixed with -") String sort,
            @Valid @BeanParam PageParams paging) {
        SortOrder order = SortOrder.parse(sort);
        return mous.list(caller(), filter.toFilter(), SortOrder.field(order, MouRepository.SortField.class),
                SortOrder.descending(order), paging.page, paging.size)
                .map(found -> new MouViews.Page(found.items().stream().map(m -> MouMapper.toView(m, null)).toList(),
                        paging.page, paging.size, found.total(), paging.totalPages(found.total())));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "countMous", summary = "Count MoUs per state",
            description = "How many MoUs match the filters, in all and per state. The same visibility as the list: " + READERS)
    @APIResponse(responseCode = "200", description = "The counts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Counts.class),
                    examples = @ExampleObject(name = "2022", value = """
                            {"total":50,"byState":{"DRAFT":0,"SCHEDULED":2,"SIGNED":47,"EXPIRED":0,"TERMINATED":0,"WITHDRAWN":1}}""")))
    @APIResponse(responseCode = "400", description = "A filter is invalid.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region.")
    public Uni<MouViews.Counts> counts(@Valid @BeanParam MouFilterParams filter) {
        return mous.counts(caller(), filter.toFilter()).map(c -> new MouViews.Counts(c.total(), c.byState()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "createMou", summary = "Draft an MoU by hand",
            description = """
                    For `ministry-admin`. Drafts the MoU of a region for a programme year (drafts of selected regions \
                    are made automatically from `RegionSelected`; this is for past years and corrections). One MoU per \
                    region per programme year: a second is `409` naming `programmeYear` (a withdrawn one does not \
                    count). An unknown region is `422` naming `regionCode`. Send an `Idempotency-Key` so that a retry \
                    creates nothing twice. Audited; publishes `MouDrafted`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Draft.class), examples = @ExampleObject(name = "Kabupaten Tabanan 2022", value = DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Drafted; `Location` is the MoU's URI and `ETag` its version.",
            headers = { @Header(name = "Location", description = "URI of the new MoU."),
                    @Header(name = "ETag", description = "The MoU's version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "drafted", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid (e.g. a known signatory without a name; `occurred` malformed, in the future or before 2017).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "signatory without name", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "409", description = "The region already has an MoU for the year, or the number is another MoU's.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "second MoU", value = """
                            {"type":"https://kotacerdas.id/problems/conflict","title":"Conflict","status":409,\
                            "detail":"programmeYear: Kabupaten Tabanan (51.02) already has an MoU for 2022 (…, SIGNED): one per region per programme year",\
                            "violations":[{"field":"programmeYear","message":"Kabupaten Tabanan (51.02) already has an MoU for 2022 (…, SIGNED): one per region per programme year"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No region has the code, or the Idempotency-Key was used for another request.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown region", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"regionCode: no region has the code 18.99","violations":[{"field":"regionCode","message":"no region has the code 18.99"}]}""")))
    @APIResponse(responseCode = "503", description = "The region registry has not fully arrived yet (`Retry-After`).")
    public Uni<Response> create(
            @Parameter(description = "A unique key per intended creation (e.g. a UUID), at most 255 characters.", example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) @Size(max = 255) String idempotencyKey,
            MouRequests.Draft body,
            @Context UriInfo uri) {
        return mous.create(caller(), () -> MouMapper.toDraft(bodies.validated(body)), idempotencyKey,
                current -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(current.mou().id.toString()).build(),
                        Long.toString(current.mou().version), MouMapper.toView(current.mou(), current.ceremony())))
                .map(IdempotentResponses::created);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getMou", summary = "Read an MoU",
            description = "One MoU with its parties, signatories, scope, ceremony, venue and validity; `missingForSigning` says what its record still lacks. "
                    + "The `ETag` is the version to send in `If-Match`. " + READERS)
    @APIResponse(responseCode = "200", description = "The MoU.",
            headers = @Header(name = "ETag", description = "The MoU's version, e.g. `\"4\"`."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "Kota Pangkal Pinang 2022", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "403", description = "A region officer asked for another region's MoU.")
    @APIResponse(responseCode = "404", description = "No such MoU (for an integrator: none that was signed).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown id", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> get(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id) {
        return mous.get(caller(), id).map(this::ok);
    }

    @PUT
    @Path("/{id}/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "updateMouTerms", summary = "Replace the ministry's terms of an MoU",
            description = """
                    For `ministry-admin`, while the MoU is `DRAFT` or `SCHEDULED` (after that, amend it). Replaces \
                    title, document name, the Ditjen's number (unique), pihak pertama and who signed for it, witnesses, \
                    scope, validity and sources. `If-Match` is required. Audited; sending the terms unchanged changes nothing.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Terms.class), examples = @ExampleObject(name = "terms", value = TERMS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "updated", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid (a known signatory without a name, an unknown document name).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "signatory without name", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU's state does not allow it (names the state), or the number is another MoU's.")
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone else changed the MoU.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> updateTerms(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"3\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.Terms body) {
        return mous.updateTerms(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toTerms(bodies.validated(body)))
                .map(this::ok);
    }

    @PUT
    @Path("/{id}/local-side")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "updateMouLocalSide", summary = "Replace the region's side of an MoU",
            description = """
                    For `ministry-admin`, and for a `region-officer` of the MoU's own region (any other region is \
                    `403` and nothing is written), while the MoU is `DRAFT` or `SCHEDULED`. Replaces the regional \
                    head's name, the region's number (unique within the region), the local venue and mode, who signs \
                    for pihak kedua (with `onBehalfOf` when delegated) and the attendees. A record of a past signing \
                    may say `known: false` for the signatory, or `localVenueKnown: false`, instead of inventing one; \
                    the terms must then name their sources. `If-Match` is required. Audited.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.LocalSide.class), examples = {
                    @ExampleObject(name = "Kota Pangkal Pinang: the Sekda for the Wali Kota", value = LOCAL_SIDE_EXAMPLE),
                    @ExampleObject(name = "Kota Metro 2023: no known signatory", value = NOT_KNOWN_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "updated", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid (a known signatory without a name).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "signatory without name", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "403", description = "The caller may not change this region's MoU.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU's state does not allow it (names the state), or the number is another MoU's of the region.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> updateLocalSide(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"3\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.LocalSide body) {
        return mous.updateLocalSide(caller(), id, ETags.versionOf(ifMatch),
                () -> MouMapper.toLocalSide(bodies.validated(body))).map(this::ok);
    }

    @POST
    @Path("/{id}/scheduling")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "scheduleMou", summary = "Schedule an MoU's signing",
            description = """
                    For `ministry-admin`. Attaches a `DRAFT` MoU (or moves a `SCHEDULED` one) to a planned national \
                    ceremony of its programme year, or gives it a signing date of its own. `If-Match` is required. \
                    Audited; publishes `MouScheduled`. A cohort at once: `POST /api/v1/mou-ceremonies/{id}/mous`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Schedule.class),
            examples = @ExampleObject(name = "national ceremony", value = "{\"ceremonyId\":\"5b1e8c7a-1d2f-4a3b-9c8d-7e6f5a4b3c2d\"}")))
    @APIResponse(responseCode = "200", description = "Scheduled; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "scheduled", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Neither or both of ceremonyId and plannedOn; `occurred` malformed, in the future, before 2017 or before the draft.")
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU's state does not allow it (names the state), or the ceremony took place already.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No such ceremony, or it is for another programme year.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> schedule(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"3\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.Schedule body) {
        return mous.schedule(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toSchedule(bodies.validated(body)))
                .map(this::ok);
    }

    @POST
    @Path("/{id}/signing")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "signMou", summary = "Record that an MoU was signed",
            description = """
                    For `ministry-admin`. Records the signing of a `SCHEDULED` MoU (signing a `DRAFT` is `409`: \
                    schedule it first). Needs the date (not after today), the local venue and both signatories in the \
                    record, or an explicit "not known" with sources (`422` lists what is missing); the validity comes \
                    from `validityYears` or `validUntil` here, else from the terms; `validUntil` must be after \
                    `signedOn`. Keeps the signed text as revision 1. `If-Match` is required. Audited; publishes \
                    `MouSigned`. A signing recorded after the validity already ended answers the MoU `EXPIRED` \
                    (expired at once, dated the day after its last day; `MouExpired` follows). A whole ceremony at \
                    once: `POST /api/v1/mou-ceremonies/{id}/holding`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Signing.class),
            examples = @ExampleObject(name = "Kota Metro 2023", value = "{\"signedOn\":\"2023-02-28\",\"validityYears\":3}")))
    @APIResponse(responseCode = "200", description = "Signed; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "signed", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "signedOn is missing, in the future, before 2017 or before the draft or the scheduling (names `signedOn`), or validUntil is not after signedOn.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "future date", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"signedOn: must not be in the future (today is 2026-12-01)",\
                            "violations":[{"field":"signedOn","message":"must not be in the future (today is 2026-12-01)"}]}""")))
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU is not SCHEDULED (names the state).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "signing before scheduling", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The record lacks what a signing needs (venue, signatories, sources, validity).")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> sign(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"3\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.Signing body) {
        return mous.sign(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toSigning(bodies.validated(body)))
                .map(this::ok);
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "amendMou", summary = "Record an amendment of a signed MoU",
            description = """
                    For `ministry-admin`. Records an amendment (adendum) of a `SIGNED` MoU: a new revision with the \
                    new validity and/or scope; every earlier revision stays readable. `If-Match` is required; send an \
                    `Idempotency-Key` so that a retry records nothing twice. Audited; publishes `MouAmended`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Amendment.class),
            examples = @ExampleObject(name = "longer validity", value = "{\"amendedOn\":\"2024-03-01\",\"reason\":\"Masa berlaku diperpanjang\",\"validityYears\":5}")))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the new revision, `ETag` the MoU's new version.",
            headers = { @Header(name = "Location", description = "URI of the MoU's revisions."),
                    @Header(name = "ETag", description = "The MoU's new version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "amended", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid: a date in the future, before 2017 or before the signing, validUntil not after the signing, nothing to change.")
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU is not SIGNED (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> amend(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"5\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            @Parameter(description = "A unique key per intended amendment, at most 255 characters.") @HeaderParam(Idempotency.HEADER) @Size(max = 255) String idempotencyKey,
            MouRequests.Amendment body, @Context UriInfo uri) {
        return mous.amend(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toAmendment(bodies.validated(body)),
                idempotencyKey, current -> new IdempotentResult.Created<>(
                        uri.getBaseUriBuilder().path("api/v1/mous").path(id.toString()).path("revisions").build(),
                        Long.toString(current.mou().version), MouMapper.toView(current.mou(), current.ceremony())))
                .map(IdempotentResponses::created);
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctMouRecord", summary = "Correct a recorded MoU in the open",
            description = """
                    For `ministry-admin` (issue 18). Corrects an MoU recorded from its sources (`origin: RECORDED`): \
                    `If-Match` is its revision (`428` without, `412` when stale); the body gives a reason, the \
                    sources of the correction and the `changes` (`signedOn`, `number`, `numberKnown`, `ceremony`, \
                    `sources`, with the rules of `POST /api/v1/recorded-mous`; none given, or none that differs, is \
                    `400` naming `changes`). Answers the MoU as it now stands, its revision one higher; the earlier \
                    value stays readable in `GET …/revisions`. A live MoU is `409` (amend it: `POST …/amendments`); a \
                    withdrawn record is `409`. Audited; publishes `MouRecordCorrected`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordedMouRequests.Correction.class),
            examples = @ExampleObject(name = "the day", value = """
                    {"reason":"The report gives the day: 28 February 2023",\
                    "sources":[{"title":"Metro report 2023","url":"https://metrokota.go.id/berita/smart-city-2023"}],\
                    "changes":{"signedOn":{"date":"2023-02-28","precision":"DAY"}}}""")))
    @APIResponse(responseCode = "200", description = "Corrected; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The record's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "corrected", value = RecordedMouResource.VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason, no sources, no or no-op `changes`, a change that breaks the record's rules (`changes.signedOn.date` ...).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no-op", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"changes: changes nothing: every field given has the value the record has",\
                            "violations":[{"field":"changes","message":"changes nothing: every field given has the value the record has"}]}""")))
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "A live MoU (amend it), or a withdrawn record.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "live", value = ApiDocs.EXAMPLE_409_STATE)))
    @APIResponse(responseCode = "412", description = "If-Match is not the record's revision.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no If-Match", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> correct(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the record as you read it (its revision).", example = "\"1\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            RecordedMouRequests.Correction body) {
        return recordedMous.correct(caller(), id, ETags.versionOf(ifMatch), () -> {
            RecordedMouRequests.Correction c = bodies.validated(body);
            RecordedMouRequests.Changes ch = c.changes();
            return new RecordedMouService.Correction(c.reason(), c.sources(), ch == null ? null
                    : new RecordedMouService.Changes(ch.signedOn(), ch.number(), ch.numberKnown(), ch.ceremony(), ch.sources()));
        }).map(m -> Response.ok(MouMapper.toView(m, null)).tag(ETags.of(m)).build());
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMouRevisions", summary = "Every signed text of an MoU",
            description = "Revision 1 as signed, then one per amendment, each with its numbers, scope and validity. For a "
                    + "recorded MoU (issue 18): revision 1 as recorded, then one per correction (and the withdrawal), "
                    + "each with `at`, `by`, `reason`, `sources` (of the change) and `value` (the record as it stood in "
                    + "that revision); the last is the current value. " + READERS)
    @APIResponse(responseCode = "200", description = "A page of the revisions, first first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.RevisionPage.class),
                    examples = @ExampleObject(name = "signed and amended", value = """
                            {"mouId":"0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b","items":[\
                            {"revision":1,"kind":"SIGNED","effectiveOn":"2022-04-21","numbers":{},"scope":{"standardItems":[],"otherItems":[]},\
                            "validity":{"from":"2022-04-21","until":"2025-04-20","years":3},"recordedBy":"ministry"},\
                            {"revision":2,"kind":"AMENDMENT","effectiveOn":"2024-03-01","reason":"Masa berlaku diperpanjang","numbers":{},\
                            "scope":{"standardItems":[],"otherItems":[]},"validity":{"from":"2022-04-21","until":"2027-04-20","years":5},"recordedBy":"ministry"}],\
                            "page":0,"size":20,"total":2,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such MoU.")
    public Uni<MouViews.RevisionPage> revisions(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams paging) {
        return mous.revisions(caller(), id).map(list -> new MouViews.RevisionPage(id,
                paging.slice(list).stream().map(MouMapper::toView).toList(), paging.page, paging.size, list.size(),
                paging.totalPages(list.size())));
    }

    @POST
    @Path("/{id}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "terminateMou", summary = "Terminate a signed MoU",
            description = """
                    For `ministry-admin`. Ends a `SIGNED` MoU before its validity runs out, on a day not after today \
                    and not before the signing, with a reason. `If-Match` is required. Audited; publishes `MouTerminated`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Termination.class),
            examples = @ExampleObject(name = "ended", value = "{\"terminatedOn\":\"2024-06-30\",\"reason\":\"Disepakati para pihak untuk diakhiri\"}")))
    @APIResponse(responseCode = "200", description = "Terminated; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "terminated", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is invalid (date in the future, before 2017 or before the signing, no reason).")
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU is not SIGNED (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> terminate(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"5\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.Termination body) {
        return mous.terminate(caller(), id, ETags.versionOf(ifMatch), () -> {
            MouRequests.Termination t = bodies.validated(body);
            return new id.kotacerdas.agreement.service.MouCommands.Termination(t.terminatedOn(), t.reason());
        }).map(this::ok);
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawMou", summary = "Withdraw an MoU before signing",
            description = """
                    For `ministry-admin`. Drops a `DRAFT` or `SCHEDULED` MoU with a reason; the region may then be \
                    drafted again for the year. `If-Match` is required. Audited; publishes `MouWithdrawn`. \
                    For a **recorded** MoU (`origin: RECORDED`, issue 18) this withdraws the record (it should never \
                    have been recorded): `If-Match` is its revision, `sources` are required, `occurred` is not taken; \
                    the MoU stays readable by id (with `withdrawn`) and in the audit, leaves lists and counts (unless \
                    `includeWithdrawn=true`) and frees its region and year; its revision goes up by one; a withdrawn \
                    record is `409`. Publishes `MouRecordWithdrawn`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MouRequests.Withdrawal.class),
            examples = @ExampleObject(name = "mistake", value = "{\"reason\":\"Drafted by mistake for the wrong year\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The MoU's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "withdrawn", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No reason; `occurred` malformed, in the future, before 2017 or before the draft or the scheduling.")
    @APIResponse(responseCode = "404", description = "No such MoU.")
    @APIResponse(responseCode = "409", description = "The MoU was signed already (names the state), or the record was withdrawn already.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> withdraw(@Parameter(description = "The MoU's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the MoU as you read it.", example = "\"2\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            MouRequests.Withdrawal body) {
        return mous.withdraw(caller(), id, ETags.versionOf(ifMatch),
                () -> {
                    MouRequests.Withdrawal w = bodies.validated(body);
                    return new id.kotacerdas.agreement.service.MouCommands.Withdrawal(w.reason(), w.occurred(), w.sources());
                })
                .map(this::ok);
    }

    private Response ok(MouService.Current current) {
        return Response.ok(MouMapper.toView(current.mou(), current.ceremony())).tag(ETags.of(current.mou())).build();
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
