package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.RecordedAssessmentService;
import id.kotacerdas.platform.idempotency.Idempotency;
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
            description = "By programme year, track and region code; `programmeYear` filters. Roles: every role but the importer.")
    @APIResponse(responseCode = "200", description = "The outcomes.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.Page.class)))
    @APIResponse(responseCode = "400", description = "A malformed `programmeYear`.")
    public Uni<RecordedAssessmentViews.Page> list(
            @Parameter(description = "Only this programme year.", example = "2022") @QueryParam("programmeYear")
            @Min(2017) @Max(2100) Integer programmeYear) {
        return service.list(programmeYear).map(list -> new RecordedAssessmentViews.Page(
                list.stream().map(RecordedAssessmentViews.View::of).toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRecordedAssessment", summary = "One recorded outcome of a past assessment",
            description = "Roles: every role but the importer.")
    @APIResponse(responseCode = "200", description = "The outcome.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedAssessmentViews.View.class),
                    examples = @ExampleObject(name = "Kota Metro, 2022", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such recorded outcome.")
    public Uni<RecordedAssessmentViews.View> get(
            @Parameter(description = "The record's id.") @PathParam("id") UUID id) {
        return service.get(id).map(RecordedAssessmentViews.View::of);
    }
}
