package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.service.ProgrammeService;
import id.kotacerdas.region.service.RegionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import id.kotacerdas.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A region's programme timeline and its dossier: read from what region-service keeps of the other services' events
 * (messaging.*EventsHandler) and its own tables. Readable by every role, as region reads are.
 * <p>
 * The class path is the registry's own ({@link RegionResource}'s): as {@code /api/v1/regions/{code}} it made every
 * lookup {@code GET /api/v1/regions/18.72} match this class first, fail, and restart the match with a new request
 * mapper built for that request (~5 % of a lookup's CPU in JFR).
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
@RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
public class RegionProgrammeResource {

    static final String EXAMPLE_TIMELINE = """
            {"regionCode":"18.72","regionName":"Kota Metro",\
            "programme":{"stage":"MOU_SIGNED","stageProgrammeYear":2023,"programmeYears":[2023]},\
            "items":[{"occurredOn":"2022-06-03","datePrecision":"DAY","kind":"RESULT_LETTER","programmeYear":2023,\
            "summary":"Result letter B-349/DJAI/AI.01.02/06/2022 of 2022-06-03 lists the region for programme year 2023",\
            "facts":{"letterId":"1b7e2f0c-3d4a-4b5c-8d9e-0f1a2b3c4d5e","number":"B-349/DJAI/AI.01.02/06/2022","date":"2022-06-03"},\
            "source":{"kind":"EVENT","topic":"kotacerdas.assessment.v1","eventType":"id.kotacerdas.assessment.ResultLetterIssued.v1",\
            "eventId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","eventTime":"2022-06-03T03:00:00Z","partition":0,"offset":12}},\
            {"occurredOn":"2023-02-28","datePrecision":"DAY","kind":"MOU_SIGNED","programmeYear":2023,\
            "summary":"MoU for programme year 2023 signed on 2023-02-28 (VIRTUAL); for the region: unknown",\
            "facts":{"mouId":"5f0e3c1a-8a4b-4c59-9d4e-2d1f6f0b2a11","signedOn":"2023-02-28","mode":"VIRTUAL",\
            "venue":"Kantor Dinas Kominfo Kota Metro","secondPartySignatory":"unknown"},\
            "source":{"kind":"EVENT","topic":"kotacerdas.agreement.v1","eventType":"id.kotacerdas.agreement.MouSigned.v1",\
            "eventId":"0b6f7c1e-2f7d-4f51-9a43-7d0c55d2a9e1","eventTime":"2023-02-28T04:10:00Z","partition":1,"offset":42}}],\
            "page":0,"size":20,"total":2,"totalPages":1}""";

    @Inject
    ProgrammeService programme;

    @Inject
    RegionService regions;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{code}/timeline")
    @Operation(operationId = "getRegionTimeline", summary = "Read a region's programme timeline and stage",
            description = """
                    The region's programme story, one fact per entry, ordered by the day the fact happened (as the \
                    event's payload says: signedOn, date, completedOn, publishedAt …; not when the event arrived), then \
                    by the programme's own order of kinds (scored before selected, bimtek stage 1 before stage 2), then \
                    by instant, event time and event id — so the timeline reads the same however the events of the \
                    assessment, agreement, masterplan and evaluation topics arrived, and after a rebuild. Each entry \
                    names its source event (topic, type, id, partition, offset) and its `origin` (LIVE, or RECORDED \
                    from its `sources`); a corrected fact shows as corrected (`corrected`: revision, reason, sources, \
                    previous values); withdrawn facts and those of cancelled cycles are left out unless \
                    `includeWithdrawn=true`. The Dewan Smart City SK comes from the region's own profile. \
                    `programme` is the stage derived from all facts. Not cached (`no-cache`): \
                    events change it.""")
    @APIResponse(responseCode = "200", description = "A page of the timeline, and the region's stage.",
            headers = @Header(name = "Cache-Control", description = "`no-cache`: the timeline changes with every event.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeViews.TimelinePage.class),
                    examples = @ExampleObject(name = "Kota Metro", value = EXAMPLE_TIMELINE)))
    @APIResponse(responseCode = "400", description = "The code or the page is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "oversize page", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "404", description = "No region has this code (a replaced code names the current one).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> timeline(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Valid @BeanParam PageParams paging,
            @Parameter(description = "Also list the withdrawn entries and those of cancelled cycles or invitations (each marked `withdrawn` or `cancelled`); the stage is derived without them either way.",
                    example = "true")
            @jakarta.ws.rs.QueryParam("includeWithdrawn") @jakarta.ws.rs.DefaultValue("false") boolean includeWithdrawn) {
        return programme.timeline(Caller.of(identity), code, includeWithdrawn, paging.page, paging.size).map(t -> Response.ok(new ProgrammeViews.TimelinePage(
                t.region().code, t.region().name, ProgrammeViews.Status.of(t.status()),
                t.entries().stream().map(ProgrammeViews.Entry::of).toList(), paging.page, paging.size, t.total(),
                paging.totalPages(t.total()))).cacheControl(noCache()).build());
    }

    @GET
    @Path("/{code}/dossier")
    @Operation(operationId = "getRegionDossier", summary = "Read a region's dossier",
            description = """
                    One read for regional apps and auditors: the region's registry entry, its profile (regional head, \
                    Sekda, Dinas Kominfo, RPJMD periods, Dewan Smart City), its programme stage, its whole timeline, and \
                    the latest state of each of its MoUs, masterplans and evaluations. Composed by region-service from \
                    its own data and what it keeps of the other services' events: no call to another service on the \
                    request path, so it answers while they are down (what they published last is shown). \
                    Not cached (`no-cache`).""")
    @APIResponse(responseCode = "200", description = "The dossier.",
            headers = @Header(name = "Cache-Control", description = "`no-cache`: the dossier changes with every event.",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeViews.Dossier.class),
                    examples = @ExampleObject(name = "Kota Metro", value = """
                            {"region":{"code":"18.72","level":"KOTA","name":"Kota Metro","parentCode":"18","provinceName":"Lampung",\
                            "regionGroup":"Sumatera","administrative":false,"altNames":[],"districtCount":5,"kelurahanCount":22,\
                            "desaCount":0,"islandCount":0},"profile":null,\
                            "programme":{"stage":"MOU_SIGNED","stageProgrammeYear":2023,"programmeYears":[2023]},\
                            "timeline":[{"occurredOn":"2023-02-28","datePrecision":"DAY","kind":"MOU_SIGNED","programmeYear":2023,\
                            "summary":"MoU for programme year 2023 signed on 2023-02-28 (VIRTUAL); for the region: unknown",\
                            "facts":{"mouId":"5f0e3c1a-8a4b-4c59-9d4e-2d1f6f0b2a11","signedOn":"2023-02-28"},\
                            "source":{"kind":"EVENT","topic":"kotacerdas.agreement.v1","eventType":"id.kotacerdas.agreement.MouSigned.v1",\
                            "eventId":"0b6f7c1e-2f7d-4f51-9a43-7d0c55d2a9e1","eventTime":"2023-02-28T04:10:00Z","partition":1,"offset":42}}],\
                            "mous":[{"mouId":"5f0e3c1a-8a4b-4c59-9d4e-2d1f6f0b2a11","programmeYear":2023,"state":"SIGNED",\
                            "details":{"signedOn":"2023-02-28","mode":"VIRTUAL"},"updatedAt":"2023-02-28T04:10:00Z"}],\
                            "masterplans":[],"evaluations":[]}""")))
    @APIResponse(responseCode = "400", description = "The code is malformed.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed code", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"code: must be a Kemendagri code: PP or PP.KK (digits)","instance":"/api/v1/regions/18-72/dossier",\
                            "violations":[{"field":"code","message":"must be a Kemendagri code: PP or PP.KK (digits)"}]}""")))
    @APIResponse(responseCode = "404", description = "No region has this code (a replaced code names the current one).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> dossier(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code) {
        return programme.dossier(Caller.of(identity), code).flatMap(d -> regions.provinceNames().map(names -> new ProgrammeViews.Dossier(
                RegionMapper.toView(d.region(), names, null),
                d.profile() == null ? null : RegionMapper.toView(d.region(), d.profile()),
                ProgrammeViews.Status.of(d.status()),
                d.timeline().stream().map(ProgrammeViews.Entry::of).toList(),
                d.mous().stream().map(ProgrammeViews.Mou::of).toList(),
                d.masterplans().stream().map(ProgrammeViews.Masterplan::of).toList(),
                d.evaluations().stream().map(ProgrammeViews.Evaluation::of).toList())))
                .map(body -> Response.ok(body).cacheControl(noCache()).build());
    }

    static CacheControl noCache() {
        CacheControl cc = new CacheControl();
        cc.setNoCache(true);
        cc.setNoTransform(false);
        return cc;
    }
}
