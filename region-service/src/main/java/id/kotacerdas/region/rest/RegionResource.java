package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.SortOrder;
import id.kotacerdas.region.domain.ProgrammeStage;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.domain.RegionLevel;
import id.kotacerdas.region.repository.RegionRepository;
import id.kotacerdas.region.service.ProgrammeService;
import id.kotacerdas.region.service.RegionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.security.Visibility;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
@RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
public class RegionResource {

    /**
     * Text with at least one letter or digit (Latin letters and digits, or any character from U+00C0 on). Written
     * without Java-only constructs ({@code (?s)}, {@code \p{L}}) because the same pattern is published in the OpenAPI
     * document, where clients read it as an ECMA-262 regular expression.
     */
    static final String HAS_LETTER_OR_DIGIT = "[\\s\\S]*[0-9A-Za-z\\u00C0-\\uFFFF][\\s\\S]*";
    /**
     * The sort parameter: a sortable field, {@code -} in front for descending. Spelled out because an annotation
     * takes only constants; it is {@code SortOrder.regex("code", "name", "population", "areaKm2")}.
     */
    static final String SORT_REGEX = "[-+]?(code|name|population|areaKm2)";

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionService regions;

    @Inject
    ReferenceCaching caching;

    @Inject
    ProgrammeService programme;

    @Inject
    RegionReads reads;

    @GET
    @Operation(operationId = "listRegions", summary = "List and search regions",
            description = """
                    Provinces and kabupaten/kota, filtered, searched and sorted, one page at a time. \
                    `q` finds a region however people spell it: case, spaces and the `Kabupaten`/`Kab.`/`Kota`/`Provinsi` \
                    prefixes do not matter, and alternative spellings count (`pangkalpinang` finds 19.71 Kota Pangkal Pinang, \
                    `ksb` finds 52.07 Kabupaten Sumbawa Barat). With `q` and no `sort`, whole-name matches come first. \
                    Reference data: the response carries an `ETag`; send it in `If-None-Match` to get `304`.""")
    @APIResponse(responseCode = "200", description = "A page of regions.",
            headers = { @Header(name = "ETag", description = "Tag of this representation."),
                    @Header(name = "Cache-Control", description = "How long the answer may be reused.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionPage.class),
                    examples = @ExampleObject(name = "search", value = """
                            {"items":[{"code":"19.71","level":"KOTA","name":"Kota Pangkal Pinang","parentCode":"19",\
                            "provinceName":"Kepulauan Bangka Belitung","regionGroup":"Sumatera","administrative":false,\
                            "altNames":["Kota Pangkalpinang","Pangkalpinang"],"areaKm2":104.54,\
                            "population":{"total":237437,"male":119637,"female":117800},"districtCount":7,\
                            "kelurahanCount":42,"desaCount":0,"islandCount":1,"centroid":{"lat":-2.12,"lng":106.11}}],\
                            "page":0,"size":20,"total":1,"totalPages":1}""")))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current.")
    @APIResponse(responseCode = "400", description = "A filter, the sort or the page is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "oversize page", value = ApiDocs.EXAMPLE_400)))
    public Uni<Response> list(
            @Parameter(description = "Only this level.")
            @QueryParam("level") RegionLevel level,
            @Parameter(description = "Only the kabupaten/kota of this province (2-digit code).", example = "18")
            @QueryParam("provinceCode") @Size(max = 2) @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String provinceCode,
            @Parameter(description = "Only Jakarta's administrative units (true) or only autonomous regions (false).")
            @QueryParam("administrative") Boolean administrative,
            @Parameter(description = "Search text, however the name is spelled (1–100 characters, at least one letter or digit).", example = "pangkalpinang")
            @QueryParam("q") @Size(min = 1, max = 100)
            @Pattern(regexp = HAS_LETTER_OR_DIGIT, message = "must contain at least one letter or digit") String q,
            @Parameter(description = "Sort field, `-` prefix for descending: code, name, population, areaKm2.", example = "-population")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of code, name, population, areaKm2, optionally prefixed with - for descending") String sort,
            @Parameter(description = """
                    Only regions at one of these programme stages (repeat the parameter for several), e.g. the kab/kota \
                    of Jawa Timur that signed but have no ratified masterplan: `provinceCode=35&stage=MOU_SIGNED&stage=BIMTEK\
                    &stage=BIMTEK_COMPLETED&stage=MASTERPLAN_SUBMITTED&stage=MASTERPLAN_APPROVED`. `NOT_IN_PROGRAMME` also \
                    matches regions without any programme fact. With `stage` or `programmeYear` the answer depends on \
                    events: it carries each region's `programme` and is not cached (`no-cache`, no `ETag`).""",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = 13, implementation = ProgrammeStage.class))
            @QueryParam("stage") @Size(max = 13) List<ProgrammeStage> stage,
            @Parameter(description = "Only regions that took part in this programme year (selected, cohort member, MoU, guided masterplan work).",
                    example = "2023")
            @QueryParam("programmeYear") @Min(2000) @Max(2100) Integer programmeYear,
            @Valid @BeanParam PageParams paging,
            @Context UriInfo uri, @Context Request request) {
        if (q == null && uri.getQueryParameters().containsKey("q")) {
            // Quarkus REST reads an empty value (q=) as no value; an empty search is a mistake, not "all regions"
            throw ProblemException.badRequest("q", "size must be between 1 and 100");
        }
        RegionRepository.Filter filter = new RegionRepository.Filter(level, provinceCode, administrative, q,
                stage == null ? null : Set.copyOf(stage), programmeYear);
        if (filter.byProgramme()) {
            return byProgramme(filter, sort, paging);
        }
        SortOrder order = SortOrder.parse(sort);
        boolean descending = SortOrder.descending(order);
        RegionRepository.SortField sortField = SortOrder.field(order, RegionRepository.SortField.class);
        if (reads.answersList(uri, q)) {
            return reads.list(filter, sortField, descending, paging, request);
        }
        EntityTag tag = caching.tagFor(uri);
        Response notModified = caching.notModified(request, tag);
        if (notModified != null) {
            return Uni.createFrom().item(notModified);
        }
        return regions.search(filter, sortField, descending, paging.page, paging.size)
                .flatMap(result -> regions.provinceNames().map(names -> new RegionPage(
                        result.items().stream().map(r -> RegionMapper.toView(r, names, null)).toList(),
                        paging.page, paging.size, result.total(), paging.totalPages(result.total()))))
                .map(body -> caching.ok(body, tag));
    }

    /** A list that depends on the programme: each region with its stage, never cached (events change it). */
    private Uni<Response> byProgramme(RegionRepository.Filter unseen, String sort, PageParams paging) {
        Caller caller = Caller.of(identity);
        // the stage and years each region has for this caller (platform-web Visibility): never an unpublished fact
        RegionRepository.Filter filter = unseen.seenBy(Visibility.audienceOf(caller),
                caller.hasRole(Caller.REGION_OFFICER) && !Visibility.staff(caller) ? caller.regionCode() : null);
        SortOrder order = SortOrder.parse(sort);
        boolean descending = SortOrder.descending(order);
        RegionRepository.SortField sortField = SortOrder.field(order, RegionRepository.SortField.class);
        return regions.search(filter, sortField, descending, paging.page, paging.size)
                .flatMap(result -> regions.provinceNames()
                        .flatMap(names -> programme.statuses(caller, result.items().stream().map(r -> r.code).toList())
                                .map(statuses -> new RegionPage(result.items().stream()
                                        .map(r -> RegionMapper.toView(r, names, null).withProgramme(ProgrammeViews.Status.of(
                                                statuses.getOrDefault(r.code, ProgrammeService.Status.NONE))))
                                        .toList(), paging.page, paging.size, result.total(), paging.totalPages(result.total())))))
                .map(body -> Response.ok(body).cacheControl(RegionProgrammeResource.noCache()).build());
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countRegions", summary = "Count regions per level and per province",
            description = "How many provinces, kabupaten and kota there are, and the kabupaten and kota of each province.")
    @APIResponse(responseCode = "200", description = "The counts.",
            headers = @Header(name = "ETag", description = "Tag of this representation."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionCounts.class),
                    examples = @ExampleObject(name = "counts", value = """
                            {"total":552,"byLevel":{"PROVINCE":38,"KABUPATEN":416,"KOTA":98},\
                            "byProvince":[{"provinceCode":"11","provinceName":"Aceh","kabupaten":18,"kota":5}]}""")))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current.")
    public Uni<Response> counts(@Context UriInfo uri, @Context Request request) {
        return reads.counts(request);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getRegion", summary = "Get a region by its Kemendagri code",
            description = """
                    One province (`18`) or kabupaten/kota (`18.72`). A code replaced in the 2022 Papua recoding \
                    still resolves: `91.01` answers with Kabupaten Merauke `93.01`, says so in `codeReplaced`, \
                    and points to the current code in `Content-Location`.""")
    @APIResponse(responseCode = "200", description = "The region.",
            headers = { @Header(name = "ETag", description = "Tag of this representation."),
                    @Header(name = "Content-Location", description = "Set when a replaced code was asked for: the current URI.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class),
                    examples = {
                            @ExampleObject(name = "Kota Metro", value = """
                                    {"code":"18.72","level":"KOTA","name":"Kota Metro","parentCode":"18","provinceName":"Lampung",\
                                    "regionGroup":"Sumatera","administrative":false,"altNames":[],"areaKm2":68.74,\
                                    "population":{"total":175427,"male":87994,"female":87433},"districtCount":5,\
                                    "kelurahanCount":22,"desaCount":0,"islandCount":0,"centroid":{"lat":-5.117754,"lng":105.307584}}"""),
                            @ExampleObject(name = "replaced code 91.01", value = """
                                    {"code":"93.01","level":"KABUPATEN","name":"Kabupaten Merauke","parentCode":"93",\
                                    "provinceName":"Papua Selatan","regionGroup":"Papua","administrative":false,"altNames":[],\
                                    "codeReplaced":{"requestedCode":"91.01","currentCode":"93.01",\
                                    "legalBasis":"UU 14/2022 (Provinsi Papua Selatan); code per Kepmendagri 100.1.1-6117/2022"}}""") }))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current.")
    @APIResponse(responseCode = "400", description = "The code is malformed.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed code", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"code: must be a Kemendagri code: PP or PP.KK (digits)","instance":"/api/v1/regions/18-72",\
                            "violations":[{"field":"code","message":"must be a Kemendagri code: PP or PP.KK (digits)"}]}""")))
    @APIResponse(responseCode = "404", description = "No region has this code.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> get(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") String code,
            @Context UriInfo uri, @Context Request request) {
        // not @RegionCode: every code the index knows is well-formed, so the rule is checked only on a miss (Bean
        // Validation of the parameter was ~5 % of a lookup's CPU); a malformed code still gets the same 400
        return reads.lookup(code, uri, request);
    }
}
