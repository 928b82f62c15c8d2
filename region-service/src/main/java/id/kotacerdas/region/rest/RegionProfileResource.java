package id.kotacerdas.region.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.RequestBodyValidator;
import id.kotacerdas.region.domain.ProfileDocument;
import id.kotacerdas.region.domain.RegionCode;
import id.kotacerdas.region.service.RegionProfileService;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Iterator;
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

@Idempotent
@Path("/api/v1/regions/{code}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Region profiles")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RegionProfileResource {

    static final String PROFILE_EXAMPLE = """
            {"regionalHead":{"name":"Drs. H. Wahdi, M.H.","position":"Wali Kota Metro","termStart":"2021-02-26","termEnd":"2026-02-26"},\
            "sekda":{"name":"Ir. Bangkit Haryo Utomo","position":"Sekretaris Daerah Kota Metro"},\
            "kominfoContact":{"officeName":"Dinas Komunikasi dan Informatika Kota Metro","email":"diskominfo@metrokota.go.id","phone":"+62 725 41025"},\
            "rpjmdPeriods":[{"startYear":2021,"endYear":2026,"regulation":"Peraturan Daerah Kota Metro Nomor 5 Tahun 2021"}],\
            "dewanSmartCity":{"skNumber":"188.45/123/C.2/2023","skDate":"2023-03-15","members":[{"name":"Drs. H. Wahdi, M.H.","role":"Ketua"}]},\
            "website":"https://smartcity.metrokota.go.id"}""";

    static final String VIEW_EXAMPLE = """
            {"regionCode":"18.72","regionName":"Kota Metro","version":1,"profile":""" + PROFILE_EXAMPLE + """
            ,"createdAt":"2026-11-23T08:15:30Z","createdBy":"officer-metro","updatedAt":"2026-11-23T09:02:11Z","updatedBy":"officer-metro"}""";

    @Inject
    RegionProfileService profiles;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @Inject
    ObjectMapper mapper;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRegionProfile", summary = "Read a region's profile",
            description = "The facts the region keeps about itself. The `ETag` is the version to send in `If-Match` when updating.")
    @APIResponse(responseCode = "200", description = "The profile.",
            headers = @Header(name = "ETag", description = "The profile's version, e.g. `\"3\"`."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfileView.class),
                    examples = @ExampleObject(name = "Kota Metro", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current.")
    @APIResponse(responseCode = "400", description = "The code is malformed.")
    @APIResponse(responseCode = "404", description = "No such region, or it has no profile yet.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown code", value = ApiDocs.EXAMPLE_404)))
    public Uni<Response> get(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Context Request request) {
        return profiles.get(code).map(current -> {
            EntityTag tag = tagOf(current.profile().version);
            Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
            if (notModified != null) {
                return notModified.tag(tag).cacheControl(revalidate()).build();
            }
            return Response.ok(RegionMapper.toView(current.region(), current.profile())).tag(tag)
                    .cacheControl(revalidate()).build();
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "createRegionProfile", summary = "Create a region's profile",
            description = """
                    Creates the profile of a region that has none. A region officer may create only their own region's \
                    profile (token claim `region_code`); the ministry may create any. Send an `Idempotency-Key` so that \
                    a retry after a lost answer creates nothing twice and gets the first answer again. \
                    The change is audited and published as `RegionProfileCreated` on `kotacerdas.region.v1`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionProfileData.class), examples = @ExampleObject(name = "Kota Metro", value = PROFILE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; `Location` is the profile's URI and `ETag` its version.",
            headers = { @Header(name = "Location", description = "URI of the new profile."),
                    @Header(name = "ETag", description = "The profile's version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfileView.class),
                    examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid field", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"regionalHead.name: must not be blank","instance":"/api/v1/regions/18.72/profile",\
                            "violations":[{"field":"regionalHead.name","message":"must not be blank"}]}""")))
    @APIResponse(responseCode = "403", description = "The caller may not change this region.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such region.")
    @APIResponse(responseCode = "409", description = "The region already has a profile.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or the profile does not fit the region (RPJMD periods for a Jakarta administrative unit).")
    public Uni<Response> create(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Parameter(description = "A unique key per intended creation (e.g. a UUID), at most 255 characters.", example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            RegionProfileData body,
            @Context UriInfo uri) {
        return profiles.create(Caller.of(identity), code, () -> RegionMapper.toDocument(bodies.validated(body)),
                idempotencyKey, current -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().build(),
                        Long.toString(current.profile().version), RegionMapper.toView(current.region(), current.profile())))
                .map(IdempotentResponses::created);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "updateRegionProfile", summary = "Replace a region's profile",
            description = """
                    Replaces the whole profile. `If-Match` must carry the ETag you read: if someone changed the profile \
                    since, the answer is `412` and nothing is overwritten. A region officer may change only their own \
                    region; the ministry may change any. The change is audited (before and after) and published as \
                    `RegionProfileUpdated` on `kotacerdas.region.v1`. Sending the profile unchanged changes nothing.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegionProfileData.class), examples = @ExampleObject(name = "Kota Metro", value = PROFILE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The profile's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfileView.class),
                    examples = @ExampleObject(name = "updated", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field is invalid, or If-Match is not an ETag.")
    @APIResponse(responseCode = "403", description = "The caller may not change this region.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "other region", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such region, or it has no profile yet.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version: someone else changed it.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = """
                            {"type":"https://kotacerdas.id/problems/stale-version","title":"Precondition failed","status":412,\
                            "detail":"The profile is at version 4, not 3; read it again and reapply your change.",\
                            "instance":"/api/v1/regions/18.72/profile","violations":[{"field":"If-Match","message":"does not match the current version"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The profile does not fit the region (RPJMD periods for a Jakarta administrative unit).")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> update(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Parameter(description = "The ETag of the profile as you read it; without it the answer is 428.", required = true,
                    example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch,
            RegionProfileData body) {
        Long expected = versionOf(ifMatch);
        return profiles.update(Caller.of(identity), code, expected, () -> RegionMapper.toDocument(bodies.validated(body)))
                .map(current -> Response
                .ok(RegionMapper.toView(current.region(), current.profile()))
                .tag(tagOf(current.profile().version)).build());
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctRegionProfile", summary = "Correct parts of a region's profile, in the open",
            description = """
                    Ministry only (issue 18 item 3). Changes the parts named in `changes` (same names and rules as the                     PUT's body; a part given replaces that part, `null` removes it) and says why (`reason`) and on what                     (`sources`). `If-Match` must carry the profile's ETag (428 without, 412 when stale). The earlier                     value is kept (`GET …/profile/revisions`), the correction is audited (`REGION_PROFILE_CORRECTED`,                     before, after with reason and sources) and published as `RegionProfileUpdated` with its                     `correction: {revision, reason, sources, at, changed, previous}`. An empty `changes`, or one that                     changes nothing, is 400 naming `changes`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProfileCorrectionRequest.class), examples = @ExampleObject(name = "SK number", value = """
                    {"reason":"The SK number was transcribed wrongly","sources":[{"title":"JDIH Kota Metro","url":"https://jdih.metrokota.go.id/sk/188-45-123"}],\
                    "changes":{"website":"https://smartcity.metrokota.go.id"}}""")))
    @APIResponse(responseCode = "200", description = "Corrected; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The profile's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfileView.class)))
    @APIResponse(responseCode = "400", description = "`reason`, `sources` or `changes` missing or invalid, a changed part invalid, or nothing changed.")
    @APIResponse(responseCode = "403", description = "Only the ministry corrects a profile.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "region officer", value = ApiDocs.EXAMPLE_403)))
    @APIResponse(responseCode = "404", description = "No such region, or it has no profile yet.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The corrected profile does not fit the region (RPJMD periods for a Jakarta administrative unit).")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> correct(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Parameter(description = "The ETag of the profile as you read it; without it the answer is 428.", required = true,
                    example = "\"1\"")
            @HeaderParam("If-Match") String ifMatch,
            ProfileCorrectionRequest body) {
        Long expected = versionOf(ifMatch);
        if (body == null) {
            throw ProblemException.badRequest("body", "a request body is required");
        }
        ObjectNode changes = body.changes();
        var request = new RegionProfileService.CorrectionRequest(body.reason(), body.sources(),
                changes != null && !changes.isEmpty());
        return profiles.correct(Caller.of(identity), code, expected, request, current -> merge(current, changes))
                .map(current -> Response.ok(RegionMapper.toView(current.region(), current.profile()))
                        .tag(tagOf(current.profile().version)).build());
    }

    @GET
    @Path("/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRegionProfileRevisions", summary = "Earlier values of a region's profile",
            description = """
                    Every earlier value of the profile, oldest first, a page at a time: `{regionCode, items: [{version, \
                    at, by, reason, sources, value}], page, size, total, totalPages}`; `version` is the profile's \
                    version (ETag) the value had, `at`/`by` when and by whom it was replaced, `reason`/`sources` those of a \
                    correction (null for a PUT). Kept from the day corrections came (migration V10); changes before that \
                    are in the audit trail (`GET /api/v1/regions/{code}/audit-entries`, before and after). Readable by \
                    whoever reads the profile.""")
    @APIResponse(responseCode = "200", description = "A page of the earlier values, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProfileRevisionPage.class),
                    examples = @ExampleObject(name = "one correction", value = """
                            {"regionCode":"18.72","items":[{"version":3,"at":"2026-12-07T09:02:11Z","by":"ministry",\
                            "reason":"The SK number was transcribed wrongly","sources":[{"title":"JDIH Kota Metro",\
                            "url":"https://jdih.metrokota.go.id/sk/188-45-123"}],"value":{"website":"https://metrokota.go.id"}}],\
                            "page":0,"size":20,"total":1,"totalPages":1}""")))
    @APIResponse(responseCode = "400", description = "The code or the page is invalid.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "oversize page", value = ApiDocs.EXAMPLE_400)))
    @APIResponse(responseCode = "404", description = "No such region, or it has no profile yet.")
    public Uni<ProfileRevisionPage> revisions(
            @Parameter(description = "Kemendagri code.", example = "18.72", schema = @Schema(pattern = RegionCode.PATTERN))
            @PathParam("code") @RegionCode String code,
            @Valid @BeanParam PageParams paging) {
        return profiles.revisions(code).map(all -> new ProfileRevisionPage(code, paging.slice(all).stream()
                .map(r -> new ProfileRevisionView(r.id.revision, r.replacedAt, r.replacedBy, r.reason,
                        r.sources == null ? null : r.sources.items(), RegionMapper.toApi(r.value)))
                .toList(), paging.page, paging.size, all.size(), paging.totalPages(all.size())));
    }

    /** The current profile with the correction's parts applied, validated as the PUT's body. */
    private ProfileDocument merge(ProfileDocument current, ObjectNode changes) {
        ObjectNode merged = current == null ? mapper.createObjectNode() : mapper.valueToTree(RegionMapper.toApi(current));
        for (Iterator<String> names = changes.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!PARTS.contains(name)) {
                throw ProblemException.badRequest("changes." + name, "is not a part of the profile (one of " + PARTS + ")");
            }
            merged.set(name, changes.get(name));
        }
        RegionProfileData data;
        try {
            data = mapper.treeToValue(merged, RegionProfileData.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badRequest("changes", "does not fit the profile: " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()));
        }
        return RegionMapper.toDocument(bodies.validated(data));
    }

    static final List<String> PARTS = List.of("regionalHead", "sekda", "kominfoContact", "rpjmdPeriods",
            "dewanSmartCity", "website");

    static EntityTag tagOf(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static Long versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be the ETag of the profile, e.g. \"3\"");
        }
    }

    private static CacheControl revalidate() {
        CacheControl cc = new CacheControl();
        cc.setNoCache(true);
        cc.setPrivate(true);
        return cc;
    }
}
