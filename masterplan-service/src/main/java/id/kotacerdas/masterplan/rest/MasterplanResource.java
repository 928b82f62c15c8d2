package id.kotacerdas.masterplan.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import id.kotacerdas.platform.web.SortOrder;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.masterplan.repository.RegionRpjmdRepository;
import id.kotacerdas.masterplan.service.MasterplanService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Idempotent
@Path("/api/v1/masterplans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Masterplans")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class MasterplanResource {

    /** The sort parameter: {@code SortOrder.regex("regionCode", "programmeYear", "openedAt", "updatedAt")} (an annotation takes only constants). */
    static final String SORT_REGEX = "[-+]?(regionCode|programmeYear|openedAt|updatedAt)";

    static final String SUMMARY_EXAMPLE = """
            {"id":"7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11","regionCode":"52.07","regionName":"Kabupaten Sumbawa Barat",\
            "programmeYear":2022,"kind":"GUIDED","title":"Masterplan Smart City Kabupaten Sumbawa Barat 2022",\
            "origin":"LIVE","openedFrom":"MOU_SIGNED","mouId":"3b0f3c0e-8f1a-4d6e-a2a7-6a9f1f4b2c33","state":"DRAFT","version":0,"versionCount":0,\
            "updatedAt":"2022-04-21T03:15:00Z"}""";
    static final String DOCUMENT_EXAMPLE = """
            {"period":{"startYear":2023,"endYear":2032},\
            "strategicAnalysis":{"readiness":{"struktur":"Dewan Smart City dibentuk dengan SK Bupati","infrastruktur":"Jaringan fiber optik di 8 kecamatan","suprastruktur":"Perbup SPBE 2021"},\
            "swot":{"strengths":["Komitmen kepala daerah"],"weaknesses":["SDM TIK terbatas"],"opportunities":["Pariwisata"],"threats":["Kesenjangan digital"]},\
            "gapAnalysis":[{"pillar":"GOVERNANCE","currentState":"Layanan manual","targetState":"Layanan daring terpadu","gap":"Integrasi data"}]},\
            "vision":"Sumbawa Barat Cerdas dan Sejahtera 2032","missions":["Tata kelola pemerintahan yang terpadu"],"objectives":["Layanan publik daring"],\
            "programmes":[{"code":"GOV-01","title":"Mal Pelayanan Publik digital","pillar":"Smart Governance","subDimension":"PUBLIC_SERVICE",\
            "horizon":"MEDIUM","responsibleOpd":"Dinas Komunikasi dan Informatika","budgetSources":["APBD","APBN"],\
            "indicators":[{"name":"Layanan perizinan daring","baseline":"12","target":"60","unit":"layanan"}],\
            "rpjmdReference":"RPJMD 2021–2026 Misi 1"}],\
            "quickWins":[{"title":"Antrean daring Puskesmas","pillar":"Smart Living","existingService":"Pendaftaran pasien Puskesmas",\
            "improvement":"Pendaftaran lewat WhatsApp","durationMonths":6,"responsibleOpd":"Dinas Kesehatan",\
            "impact":{"indicator":"Waktu tunggu (menit)","baseline":"90","target":"30"}}],\
            "actionPlan":[{"programmeCode":"GOV-01","action":"Menyusun SOP layanan daring","year":2023,"responsibleOpd":"Bagian Organisasi"}],\
            "roadmap":[{"year":2023,"milestones":["MPP digital beroperasi"],"programmeCodes":["GOV-01"]}]}""";

    @Inject
    MasterplanService masterplans;

    @Inject
    RegionRpjmdRepository rpjmd;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @Inject
    Template masterplan;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMasterplans", summary = "List masterplans",
            description = "Masterplans filtered by region, year and state; by region, then newest programme year first, "
                    + "unless `sort` names a field to order by first (then region, newest programme year, id). "
                    + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "A page of masterplans.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanPage.class),
                    examples = @ExampleObject(name = "KSB", value = "{\"items\":[" + SUMMARY_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.")
    public Uni<MasterplanViews.MasterplanPage> list(@Valid @BeanParam MasterplanFilterParams filter,
            @Parameter(description = "Sort field, `-` prefix for descending: regionCode, programmeYear, openedAt, updatedAt. "
                    + "Default: regionCode, then newest programme year.", example = "-updatedAt")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of regionCode, programmeYear, openedAt, updatedAt, optionally prefixed with -") String sort,
            @Valid @BeanParam PageParams paging) {
        SortOrder order = SortOrder.parse(sort);
        return masterplans.search(filter.toFilter(), SortOrder.field(order, MasterplanRepository.SortField.class),
                SortOrder.descending(order), paging.page, paging.size)
                .map(found -> new MasterplanViews.MasterplanPage(found.items().stream().map(MasterplanMapper::toSummary).toList(),
                        paging.page, paging.size, found.total(), paging.totalPages(found.total())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "openMasterplan", summary = "Open a region's masterplan work by hand",
            description = """
                    For `ministry-admin` only. Masterplan work normally opens by itself when the region's MoU is signed \
                    (`MouSigned` on `kotacerdas.agreement.v1`); this records past years, a masterplan a region made on its \
                    own before the programme (SELF_MADE, e.g. Pangkalpinang 2021) or a later revision. One masterplan per \
                    region and programme year. Send an `Idempotency-Key` so a retry opens nothing twice. Audited and \
                    published as `MasterplanOpened`. Work opened before it is recorded gives its `occurred` (not in the \
                    future; not before 2017 unless SELF_MADE: `400` naming `occurred`; a malformed date names `occurred.date`).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.OpenMasterplan.class),
            examples = { @ExampleObject(name = "Pangkalpinang 2021", value = """
                    {"regionCode":"19.71","programmeYear":2021,"kind":"SELF_MADE","title":"Masterplan Smart City Kota Pangkalpinang 2021"}"""),
                    @ExampleObject(name = "self-made, 2016", value = """
                    {"regionCode":"19.71","programmeYear":2016,"kind":"SELF_MADE","title":"Masterplan Kota Pangkalpinang 2016",\
                    "occurred":{"date":"2016","precision":"YEAR"}}""") }))
    @APIResponse(responseCode = "201", description = "Opened; `Location` is the masterplan's URI and `ETag` its version.",
            headers = { @Header(name = "Location", description = "URI of the new masterplan."),
                    @Header(name = "ETag", description = "The masterplan's version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid (`occurred` in the future, or before 2017 for a plan that is not SELF_MADE).")
    @APIResponse(responseCode = "404", description = "No region has the code (or it was replaced).")
    @APIResponse(responseCode = "409", description = "The region already has a masterplan for that year.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request.")
    @APIResponse(responseCode = "503", description = "The region registry has not fully arrived yet; retry after `Retry-After`.")
    public Uni<Response> open(
            @Parameter(description = "A unique key per intended creation (e.g. a UUID), at most 255 characters.", example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            MasterplanRequests.OpenMasterplan body, @Context UriInfo uri) {
        var command = MasterplanMapper.toCommand(bodies.validated(body));
        return masterplans.open(Caller.of(identity), command, idempotencyKey,
                m -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(m.id.toString()).build(),
                        Long.toString(m.version), MasterplanMapper.toView(m, List.of(), List.of())))
                .map(IdempotentResponses::created);
    }

    @GET
    @Path("/pillars")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMasterplanPillars", summary = "The six pillars and the names accepted for them",
            description = "GOVERNANCE, BRANDING, ECONOMY, LIVING, SOCIETY, ENVIRONMENT with their three sub-dimensions each, "
                    + "and every pillar name a document may use (aliases found in regional documents: Smart People = SOCIETY, "
                    + "Smart Mobility = LIVING). " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The pillars.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.PillarsView.class),
                    examples = @ExampleObject(name = "pillars", value = """
                            {"pillars":[{"code":"SOCIETY","name":"Smart Society","subDimensions":[{"code":"COMMUNITY","name":"Komunitas"},\
                            {"code":"LEARNING_ECOSYSTEM","name":"Ekosistem belajar"},{"code":"SECURITY","name":"Keamanan"}],"aliases":["Smart People"]}],\
                            "acceptedNames":["GOVERNANCE","Smart Governance","SOCIETY","Smart Society","Smart People"]}""")))
    public MasterplanViews.PillarsView pillars() {
        return MasterplanMapper.pillars();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getMasterplan", summary = "Read a masterplan",
            description = "The masterplan with its working document, its RPJMD alignment findings, how far its bimtek is, its "
                    + "reviews and its ratification. The `ETag` is the version to send in `If-Match`. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The masterplan.",
            headers = @Header(name = "ETag", description = "The masterplan's version, e.g. `\"3\"`."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class),
                    examples = @ExampleObject(name = "KSB", value = SUMMARY_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "404", description = "No such masterplan.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> get(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id) {
        return masterplans.details(id).map(d -> Response.ok(MasterplanMapper.toView(d.masterplan(), d.stages(), d.findings()))
                .tag(ETags.of(d.masterplan().version)).build());
    }

    @PUT
    @Path("/{id}/document")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "replaceMasterplanDocument", summary = "Replace the masterplan's working document",
            description = """
                    For the region's own `region-officer`s (token claim `region_code`) and `ministry-admin`. Replaces the \
                    whole document; `If-Match` must carry the ETag you read (`428` without, `412` when someone changed it \
                    since). Only a DRAFT or a masterplan sent back for revision can be edited: a submitted version is \
                    frozen (`409` naming the state). Pillar names are mapped onto the six pillars; a name that stands for \
                    none is a `422` listing the accepted names. Every section is bounded (a section too large is a `400` \
                    naming it). Audited; sending the document unchanged changes nothing.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.DocumentData.class),
            examples = @ExampleObject(name = "KSB", value = DOCUMENT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The masterplan's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field or a section is invalid or too large (a horizon that does not exist), or If-Match is not an ETag.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "quick win too long", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "403", description = "The caller may not change this region's masterplan.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan's state does not allow editing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "submitted", value = ApiDocs.EXAMPLE_409)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A pillar name stands for no pillar (the accepted names are listed), a sub-dimension is not its pillar's, a roadmap year is outside the horizon or twice, or a programme code referred to does not exist.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "Smart Infrastructure", value = ApiDocs.EXAMPLE_PILLAR_422)))
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no If-Match", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> replaceDocument(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the masterplan as you read it.", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.DocumentData body) {
        Long expected = ETags.versionOf(ifMatch);
        return masterplans.editDocument(Caller.of(identity), id, expected,
                () -> MasterplanMapper.toDocument(bodies.validated(body)))
                .chain(m -> view(m.id));
    }

    @GET
    @Path("/{id}/alignment")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @WithSession
    @Operation(operationId = "getMasterplanAlignment", summary = "Check the roadmap against the region's RPJMD",
            description = """
                    The findings of the working document against the region's RPJMD periods (from region-service's \
                    profile events): roadmap years outside every period, programmes without an RPJMD reference, or an \
                    RPJMD not known yet. Warnings, never rejections. """ + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The findings.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.AlignmentView.class),
                    examples = @ExampleObject(name = "Pariaman", value = """
                            {"masterplanId":"7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11","regionCode":"13.77",\
                            "rpjmdPeriods":[{"startYear":2018,"endYear":2023,"regulation":"Perda Kota Pariaman Nomor 5 Tahun 2018"}],\
                            "findings":[{"kind":"ROADMAP_YEAR_OUTSIDE_RPJMD","field":"roadmap[2].year",\
                            "message":"roadmap year 2024 lies outside every RPJMD period (RPJMD 2018–2023)"}]}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan was recorded from its sources: its content was not recorded.")
    public Uni<MasterplanViews.AlignmentView> alignment(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id) {
        return masterplans.get(id).invoke(m -> requireContent(m, "checked against the RPJMD")).chain(m -> masterplans.alignment(id).chain(findings -> rpjmd.findById(m.regionCode)
                .map(row -> new MasterplanViews.AlignmentView(m.id, m.regionCode,
                        row == null ? null : row.periods.items().stream()
                                .map(p -> new MasterplanViews.RpjmdPeriodView(p.startYear(), p.endYear(), p.regulation())).toList(),
                        MasterplanMapper.findings(findings)))));
    }

    @GET
    @Path("/{id}/export")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "exportMasterplan", summary = "The masterplan as a readable HTML document",
            description = "Its pillars with their programmes, quick wins, action plan, roadmap, RPJMD findings and bimtek stages, "
                    + "for reading and printing. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "An HTML document.",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "html", value = "<!DOCTYPE html><html lang=\"id\"><head><title>Masterplan Smart City Kabupaten Sumbawa Barat 2022</title></head>…</html>")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The masterplan was recorded from its sources: its content was not recorded.")
    public Uni<String> export(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id) {
        return masterplans.details(id).invoke(d -> requireContent(d.masterplan(), "exported")).chain(d -> masterplan
                .data("model", MasterplanExport.of(d.masterplan(), d.stages(), d.findings())).createUni());
    }

    /** A masterplan recorded from its sources has no content to show: a {@code 409} saying so, never a 5xx. */
    static void requireContent(id.kotacerdas.masterplan.domain.Masterplan m, String what) {
        if (!m.contentRecorded) {
            throw new ProblemException(409, "content-not-recorded", "Content not recorded", "Masterplan " + m.id
                    + " was recorded from its sources, known only by its ratification: its vision, pillars, quick wins "
                    + "and roadmap were not recorded, so it cannot be " + what + ".",
                    List.of(new Violation("contentRecorded", "is false")), java.util.Map.of());
        }
    }

    Uni<Response> view(UUID id) {
        return masterplans.details(id).map(d -> Response.ok(MasterplanMapper.toView(d.masterplan(), d.stages(), d.findings()))
                .tag(ETags.of(d.masterplan().version)).build());
    }
}
