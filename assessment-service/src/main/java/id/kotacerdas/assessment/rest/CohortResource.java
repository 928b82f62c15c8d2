package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.CohortService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
 * The programme's history, published: every cohort (from selections and from the imported history, with the
 * ministry's declared figures) and the programme's statistics, declared beside computed. The history is imported at
 * start from the service's reference data; the ministry records further members a source names.
 */
@Idempotent
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class CohortResource {

    @Inject
    CohortService cohorts;

    @Inject
    RecordedCreates records;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/cohorts")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listCohorts", summary = "Every cohort of the programme",
            description = """
                    Per programme year and track (KAB_KOTA, PROVINCE): the declared figures (the ministry's size and \
                    repeats, with the source), the identified members, imported with the source that names them \
                    (2017–2024, partial for 2021–2023) or selected by a confirmed selection of this service, and \
                    whether the list is complete. Unknown members are not invented. `warnings` says what the figures \
                    do not settle: more members or repeats identified than declared, members on an uncertain source \
                    (2019: `MORE_REPEATS_THAN_DECLARED`, Depok and Banyumas are in 2018 too). Roles: every role.""")
    @APIResponse(responseCode = "200", description = "A page of cohorts, by default oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.CohortPage.class),
                    examples = @ExampleObject(name = "2021", value = """
                            {"items":[{"programmeYear":2021,"track":"KAB_KOTA","declared":{"size":48,"repeats":7,\
                            "sourceUrl":"https://bekasi.tribunnews.com/2022/04/21/...","note":"..."},"identifiedMembers":11,\
                            "complete":false,"members":[{"regionCode":"34.04","regionName":"Kabupaten Sleman",\
                            "regionLevel":"KABUPATEN","source":"IMPORT","sourceUrl":"https://mediacenter.temanggungkab.go.id/...",\
                            "confidence":"confirmed","repeatOfYear":2017}],"warnings":[{"code":"UNCERTAIN_MEMBERS",\
                            "message":"1 member of the 2021 KAB_KOTA cohort rest on a source that leaves the membership in doubt \
                            (confidence partial; see each member's notes).","regionCodes":["74.07"]}]}],\
                            "page":0,"size":20,"total":1,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The sort or the page is invalid.")
    public Uni<CohortViews.CohortPage> list(
            @Parameter(description = "Also the withdrawn members (each with `withdrawn`).") @jakarta.ws.rs.QueryParam("includeWithdrawn") Boolean includeWithdrawn,
            @Parameter(description = "One of programmeYear, track; `-` in front for descending. Absent: oldest programme year first, KAB_KOTA before PROVINCE.", example = "-programmeYear")
            @jakarta.ws.rs.QueryParam("sort") @jakarta.validation.constraints.Size(max = 30)
            @jakarta.validation.constraints.Pattern(regexp = SORT_REGEX, message = "must be one of programmeYear, track, optionally prefixed with - for descending") String sort,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return cohorts.list(Boolean.TRUE.equals(includeWithdrawn)).map(list -> CohortViews.CohortPage.of(
                Lists.sorted(CohortViews.ProgrammeCohortView.all(list), sort, COHORT_ORDER), paging));
    }

    /** The {@code sort} parameter's values. */
    static final String SORT_REGEX = "[-+]?(programmeYear|track)";

    private static final java.util.Map<String, java.util.Comparator<CohortViews.ProgrammeCohortView>> COHORT_ORDER = java.util.Map.of(
            "programmeYear", Lists.by(CohortViews.ProgrammeCohortView::programmeYear),
            "track", Lists.by(CohortViews.ProgrammeCohortView::track));

    @POST
    @Path("/cohorts/{programmeYear}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordCohortMember", summary = "Record a member of a year's cohort from its sources",
            description = """
                    A region that a source (a report, a decree, a list) names as a member of the cohort of \
                    `programmeYear`, recorded beside the imported history: its current name and level come from the \
                    region registry, its track from its level, its repeat from its earlier membership. Only what a \
                    source names is recorded: `sources` (platform Sources, each with an http(s) url) or the older \
                    single `source` (a URL or a title) is required, both may be given; without `source` the first \
                    url is kept as `sourceUrl`. **Idempotent by (programmeYear, regionCode)**: the same member again \
                    with the same content is `200` with the stored member and writes nothing (no event, no audit \
                    entry); with different content it is `409` naming the first differing field (use a correction); \
                    new is `201` with `Location` `/api/v1/cohorts/{programmeYear}/members/{regionCode}`. An unknown \
                    or administrative code is `422`; nothing is written then. Published as `CohortRecorded` (key \
                    `programmeYear/track`, `origin` RECORDED, the member with its `sources`), audited; the \
                    statistics' computed figures count it. A membership recorded after the fact gives `occurred`. \
                    Roles: `ministry-admin`, `importer` (the machine client that loads the history).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CohortViews.MemberRequest.class),
            examples = { @ExampleObject(name = "Sumbawa Barat, cohort 2022", value = """
                    {"regionCode":"52.07","sources":[{"title":"KSB masuk 50 kabupaten/kota smart city 2022",\
                    "url":"https://www.sumbawabaratkab.go.id/berita/smart-city-2022","publishedOn":"2022-04-21"}],\
                    "occurred":{"date":"2022-04","precision":"MONTH"}}"""),
                    @ExampleObject(name = "older single source", value = """
                    {"regionCode":"52.07","sourceUrl":"Sumbawa Barat report 2022 (regional news report on the MoU signing)"}""") }))
    @APIResponse(responseCode = "201", description = "Recorded.",
            headers = { @Header(name = "Location", description = "URI of the member."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.MemberView.class),
                    examples = @ExampleObject(name = "KSB", value = """
                            {"regionCode":"52.07","regionName":"Kabupaten Sumbawa Barat","regionLevel":"KABUPATEN",\
                            "source":"IMPORT","sourceUrl":"https://www.sumbawabaratkab.go.id/berita/smart-city-2022",\
                            "confidence":"confirmed","occurred":{"date":"2022-04","precision":"MONTH"},"origin":"RECORDED",\
                            "sources":[{"title":"KSB masuk 50 kabupaten/kota smart city 2022",\
                            "url":"https://www.sumbawabaratkab.go.id/berita/smart-city-2022","publishedOn":"2022-04-21"}]}""")))
    @APIResponse(responseCode = "200", description = "The same member was recorded before with the same content: the stored member; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.MemberView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or year; neither `source` nor `sources` (naming both), a source without an http(s) url (`sources[i].url`); an `occurred` that is malformed, in the future or before 2017.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "no source", value = """
                    {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                    "violations":[{"field":"sourceUrl","message":"is required unless `sources` is given"},\
                    {"field":"sources","message":"is required: name at least one source of a recorded member (its url), or give the older single `source`"}]}""")))
    @APIResponse(responseCode = "403", description = "Not the ministry or the importer.")
    @APIResponse(responseCode = "409", description = "The region is already recorded as a member of the year with different content: the problem names the first differing field; use a correction.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "differs", value = """
                    {"type":"https://kotacerdas.id/problems/recorded-differently","title":"Recorded with different content",\
                    "status":409,"detail":"Kabupaten Sumbawa Barat (52.07) as a member of the 2022 cohort is already recorded with a different `confidence` ...",\
                    "violations":[{"field":"confidence","message":"differs from the recorded value; use a correction"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No region has the code, or it is an administrative unit; a reused Idempotency-Key.")
    @APIResponse(responseCode = "503", description = "The region registry replica is incomplete.")
    public Uni<Response> recordMember(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear")
            @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CohortViews.MemberRequest body) {
        Caller caller = Caller.of(identity);
        return records.record(caller, idempotencyKey, List.of(programmeYear, body),
                () -> cohorts.recordMember(caller, new CohortService.SourcedMember(programmeYear, body.regionCode(),
                        body.sourceUrl(), body.confidence(), body.notes(), body.occurred(), body.sources())),
                m -> URI.create("/api/v1/cohorts/" + m.programmeYear + "/members/" + m.regionCode), m -> null,
                CohortViews.MemberView::of);
    }

    @POST
    @Path("/cohorts/{programmeYear}/declared-figures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordDeclaredFigures", summary = "Record what the ministry declared of a cohort",
            description = """
                    The size of the cohort of `programmeYear` and `track` and how many of its members were repeats of \
                    earlier cohorts, as the ministry's source states them (`sources` required; the first url is kept \
                    as `sourceUrl`). The declared statistics are computed from these. **Idempotent by \
                    (programmeYear, track)**: the same figures again are `200` with the stored ones and write nothing; \
                    different figures are `409` naming the first differing field (`size`, `repeats`, `sources`, \
                    `note`); new is `201`. Published as `CohortRecorded` (key `programmeYear/track`, `origin` \
                    RECORDED, `declared` with its sources), audited. Roles: `ministry-admin`, `importer`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CohortViews.DeclaredRequest.class),
            examples = @ExampleObject(name = "2022", value = """
                    {"track":"KAB_KOTA","size":50,"repeats":0,"sources":[{"title":"Kota Tegal Masuk 50 Kab/Kota \
                    Pendampingan Smart City Kemkominfo","url":"https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo",\
                    "publishedOn":"2022-04-21"}]}""")))
    @APIResponse(responseCode = "201", description = "Recorded.",
            headers = @Header(name = "Location", description = "The cohorts."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.DeclaredFiguresView.class),
                    examples = @ExampleObject(name = "2022", value = """
                            {"programmeYear":2022,"track":"KAB_KOTA","size":50,"repeats":0,\
                            "sourceUrl":"https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo",\
                            "note":null,"origin":"RECORDED","sources":[{"title":"Kota Tegal Masuk 50 Kab/Kota Pendampingan Smart City Kemkominfo",\
                            "url":"https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo","publishedOn":"2022-04-21"}]}""")))
    @APIResponse(responseCode = "200", description = "The same figures were recorded before: the stored ones; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.DeclaredFiguresView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or year; no `sources` or a source without an http(s) url; `repeats` above `size`.")
    @APIResponse(responseCode = "403", description = "Not the ministry or the importer.")
    @APIResponse(responseCode = "409", description = "Figures of the year and track are recorded with different content: the problem names the first differing field.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A reused Idempotency-Key.")
    public Uni<Response> recordDeclared(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear")
            @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull CohortViews.DeclaredRequest body) {
        Caller caller = Caller.of(identity);
        return records.record(caller, idempotencyKey, List.of(programmeYear, body),
                () -> cohorts.recordDeclared(caller, new CohortService.DeclaredFigures(programmeYear, body.track(),
                        body.size(), body.repeats(), body.note(), body.sources())),
                d -> URI.create("/api/v1/cohorts"), d -> null, CohortViews.DeclaredFiguresView::of);
    }

    @GET
    @Path("/cohorts/{programmeYear}/members/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getCohortMember", summary = "One recorded member of a year's cohort",
            description = """
                    A member recorded here (imported with the history, or recorded from its sources), by its programme \
                    year and Kemendagri code. Members of this service's own selections are read through the \
                    selection. Roles: every role.""")
    @APIResponse(responseCode = "200", description = "The member (also when withdrawn, then with `withdrawn`).",
            headers = @Header(name = "ETag", description = "The member's revision, for If-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member is recorded.")
    public Uni<Response> member(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear")
            @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = "The region's Kemendagri code.", example = "52.07") @PathParam("regionCode") String regionCode) {
        return cohorts.member(programmeYear, regionCode).map(CohortResource::withETag);
    }

    private static Response withETag(id.kotacerdas.assessment.domain.CohortMember m) {
        return Response.ok(CohortViews.MemberView.of(m)).tag(ETags.of(m.revision)).build();
    }

    @POST
    @Path("/cohorts/{programmeYear}/members/{regionCode}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctCohortMember", summary = "Correct a recorded member of a year's cohort",
            description = """
                    Changes fields of a member recorded here (imported or recorded from its sources), with a `reason` \
                    and the `sources` that show it (required). `changes` takes the fields a member is recorded with: \
                    `track`, `confidence`, `notes` (blank clears them), `sources`, `occurred`, `repeatOfYear` \
                    (absent: unchanged); an empty or no-op `changes` is `400` naming `changes`. `If-Match` with the \
                    member's ETag is required (`428` without, `412` when stale). The earlier value is kept \
                    (`GET …/revisions`); the answer is the member as it now stands, its revision + 1. A withdrawn \
                    member is `409`; a member through a recorded assessment outcome is `409` pointing to the outcome \
                    (correct or withdraw the outcome). Audited; published as `CohortMemberCorrected` (key \
                    `programmeYear/track`). Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CohortViews.CorrectionRequest.class),
            examples = @ExampleObject(name = "partial", value = """
                    {"reason":"The report names the region only as a candidate","sources":[{"url":"https://example.go.id/berita/sc"}],\
                    "changes":{"confidence":"partial","notes":"Named as a candidate only"}}""")))
    @APIResponse(responseCode = "200", description = "The member as it now stands.", headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.MemberView.class)))
    @APIResponse(responseCode = "400", description = "No `reason`, no `sources`, an empty or no-op `changes`, a change breaking the rules of a record.")
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such member is recorded.")
    @APIResponse(responseCode = "409", description = "The member is withdrawn, or a member through a recorded outcome.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> correctMember(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear") @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = "The region's Kemendagri code.", example = "52.07") @PathParam("regionCode") String regionCode,
            @Parameter(description = "The member's ETag.") @HeaderParam("If-Match") String ifMatch,
            @NotNull CohortViews.CorrectionRequest body) {
        return cohorts.correctMember(Caller.of(identity), programmeYear, regionCode, ETags.revision(ifMatch),
                new CohortService.MemberCorrection(body.reason(), body.sources(),
                        body.changes() == null ? null : body.changes().toChanges()))
                .map(CohortResource::withETag);
    }

    @POST
    @Path("/cohorts/{programmeYear}/members/{regionCode}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawCohortMember", summary = "Withdraw a recorded member of a year's cohort",
            description = """
                    A member that should never have been recorded: a platform `Withdrawal` (`reason`, `sources` \
                    required). It stays readable here (with `withdrawn`) and in the audit trail, but leaves \
                    `GET /cohorts` (unless `?includeWithdrawn=true`), the statistics' computed figures and the earlier \
                    cohorts a selected region learns of. `If-Match` required (`428`/`412`); withdrawing or correcting \
                    it again is `409`. Audited; published as `CohortMemberWithdrawn` (key `programmeYear/track`). \
                    Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = id.kotacerdas.platform.record.Withdrawal.class),
            examples = @ExampleObject(name = "wrong year", value = """
                    {"reason":"Recorded for 2022; the region joined in 2023","sources":[{"url":"https://example.go.id/berita/sc-2023"}]}""")))
    @APIResponse(responseCode = "200", description = "The member, now withdrawn.", headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.MemberView.class)))
    @APIResponse(responseCode = "400", description = "No `reason` or no `sources`.")
    @APIResponse(responseCode = "403", description = "Not the ministry.")
    @APIResponse(responseCode = "404", description = "No such member is recorded.")
    @APIResponse(responseCode = "409", description = "Already withdrawn, or a member through a recorded outcome.")
    @APIResponse(responseCode = "412", description = "`If-Match` is not the current revision.")
    @APIResponse(responseCode = "428", description = "No `If-Match`.")
    public Uni<Response> withdrawMember(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear") @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = "The region's Kemendagri code.", example = "52.07") @PathParam("regionCode") String regionCode,
            @Parameter(description = "The member's ETag.") @HeaderParam("If-Match") String ifMatch,
            @NotNull id.kotacerdas.platform.record.Withdrawal body) {
        return cohorts.withdrawMember(Caller.of(identity), programmeYear, regionCode, ETags.revision(ifMatch), body)
                .map(CohortResource::withETag);
    }

    @GET
    @Path("/cohorts/{programmeYear}/members/{regionCode}/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listCohortMemberRevisions", summary = "Every earlier value of a cohort member",
            description = """
                    Each correction or withdrawal keeps the member as it was: a page of `{revision, at, by, reason, \
                    sources, value}`, oldest first (empty for a member never changed). Roles: every role.""")
    @APIResponse(responseCode = "200", description = "A page of the earlier values.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.RevisionPage.class)))
    @APIResponse(responseCode = "400", description = "The page is invalid.")
    @APIResponse(responseCode = "404", description = "No such member is recorded.")
    public Uni<CohortViews.RevisionPage> memberRevisions(
            @Parameter(description = "The cohort's programme year.", example = "2022") @PathParam("programmeYear") @Min(2017) @Max(2100) int programmeYear,
            @Parameter(description = "The region's Kemendagri code.", example = "52.07") @PathParam("regionCode") String regionCode,
            @jakarta.validation.Valid @jakarta.ws.rs.BeanParam id.kotacerdas.platform.web.PageParams paging) {
        return cohorts.revisions(programmeYear, regionCode)
                .map(l -> CohortViews.RevisionPage.of(l.stream().map(CohortViews.RevisionView::of).toList(), paging));
    }

    @GET
    @Path("/programme-statistics")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getProgrammeStatistics", summary = "The programme's statistics, declared and computed",
            description = """
                    Per programme year and track: cohort size, repeats, new participants and cumulative distinct \
                    participants, as declared by the ministry (25 + 50 + 25 + 48 − 7 = 141 by 2021, 191 by 2022) and as \
                    computed from the identified members, with the gap (declared − computed); coverage per province \
                    (share of its autonomous kabupaten/kota, from the region registry, that ever joined). `503` while \
                    the registry replica is incomplete. `declared` mixes what a source states (size, repeats) with \
                    what is derived from it (new and cumulative distinct participants) and keeps that meaning; \
                    `declaredBySource` (each with its source) and `derivedFromDeclared` (with its rule) separate them \
                    beside `computed`; `warnings` flags a year with more members or repeats identified than declared. \
                    Roles: every role.""")
    @APIResponse(responseCode = "200", description = "The statistics.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.StatisticsView.class),
                    examples = @ExampleObject(name = "2021", value = """
                            {"years":[{"programmeYear":2021,"track":"KAB_KOTA","declared":{"size":48,"repeats":7,\
                            "newParticipants":41,"cumulativeDistinct":141},"computed":{"size":11,"repeats":4,\
                            "newParticipants":7,"cumulativeDistinct":105},"gap":{"size":37,"repeats":3,"newParticipants":34,\
                            "cumulativeDistinct":36},"complete":false,"declaredSource":"https://bekasi.tribunnews.com/...",\
                            "declaredBySource":{"size":48,"repeats":7,"source":"https://bekasi.tribunnews.com/..."},\
                            "derivedFromDeclared":{"newParticipants":41,"cumulativeDistinct":141,"rule":"..."},\
                            "warnings":[]}],\
                            "coverage":[{"provinceCode":"34","provinceName":"DI Yogyakarta","kabKota":5,"joined":3,\
                            "sharePercent":60.00}],"kabKota":514,"note":"..."}""")))
    @APIResponse(responseCode = "503", description = "The region registry replica is incomplete.")
    public Uni<CohortViews.StatisticsView> statistics() {
        return cohorts.statistics().map(CohortViews.StatisticsView::of);
    }
}
