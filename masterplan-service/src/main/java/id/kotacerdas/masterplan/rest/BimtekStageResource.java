package id.kotacerdas.masterplan.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.validation.Valid;
import id.kotacerdas.platform.web.PageParams;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.masterplan.service.BimtekService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * The four bimtek stages of a masterplan ({@code /api/v1/masterplans/{id}/bimtek-stages/{stage}}, stage 1 to 4). Each
 * answer carries the stage's version as {@code ETag}.
 */
@Idempotent
@Path("/api/v1/masterplans/{id}/bimtek-stages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bimtek")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class BimtekStageResource {

    static final String STAGE_EXAMPLE = """
            {"masterplanId":"7c1e2d4a-0b5f-4c3e-9a1d-2f6b8e9c0d11","stage":1,"state":"HELD",\
            "purpose":"Smart city policy and institutions; readiness, gap and SWOT analysis; vision, mission and objectives",\
            "startsOn":"2022-06-14","endsOn":"2022-06-15","mode":"OFFLINE","venue":"Aula Kantor Bupati Sumbawa Barat, Taliwang",\
            "guides":["Fitrah Rahmat Kausar"],"attendance":{"opds":["Bappeda","Dinas Kominfo"],\
            "dewanMembers":[{"name":"H. W. Musyafirin","role":"Ketua"}],"timPelaksanaMembers":[],"others":[]},\
            "outputs":[{"title":"Analisis kesiapan daerah"}],"rescheduleCount":0,"version":2,\
            "updatedAt":"2022-06-15T09:00:00Z","updatedBy":"assessor"}""";
    static final String SCHEDULE_EXAMPLE = """
            {"stage":1,"startsOn":"2022-06-14","endsOn":"2022-06-15","mode":"OFFLINE",\
            "venue":"Aula Kantor Bupati Sumbawa Barat, Taliwang","guides":["Fitrah Rahmat Kausar"]}""";

    @Inject
    BimtekService bimtek;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listBimtekStages", summary = "The bimtek stages of a masterplan",
            description = "The stages scheduled so far, in stage order. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "A page of the stages.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MasterplanViews.BimtekStagePage.class),
                    examples = @ExampleObject(name = "stage 1", value = "{\"masterplanId\":\"8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f\",\"items\":["
                            + STAGE_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    public Uni<MasterplanViews.BimtekStagePage> list(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams paging) {
        return bimtek.list(id).map(all -> new MasterplanViews.BimtekStagePage(id,
                paging.slice(all).stream().map(MasterplanMapper::toView).toList(), paging.page, paging.size, all.size(),
                paging.totalPages(all.size())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "scheduleBimtekStage", summary = "Schedule a bimtek stage",
            description = """
                    For `assessor` (the ministry's guides) and `ministry-admin`. A stage spans one to seven days; it must \
                    start after the stage before it ends and end before the stage after it starts (`422`). A stage is \
                    scheduled once (`409`; reschedule it with PUT). Send an `Idempotency-Key` so a retry schedules \
                    nothing twice. Audited and published as `BimtekSessionScheduled`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.ScheduleStageData.class),
            examples = @ExampleObject(name = "KSB stage 1", value = SCHEDULE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Scheduled; `Location` is the stage's URI and `ETag` its version.",
            headers = { @Header(name = "Location", description = "URI of the stage."),
                    @Header(name = "ETag", description = "The stage's version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field is invalid (stage 5, end before start, too long).")
    @APIResponse(responseCode = "404", description = "No such masterplan.")
    @APIResponse(responseCode = "409", description = "The stage is scheduled already, or the masterplan is ratified.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The dates overlap the stage before or after, or the Idempotency-Key was used for another request.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "before stage 1 ended", value = """
                            {"type":"https://kotacerdas.id/problems/stage-out-of-order","title":"Bimtek stage out of order","status":422,\
                            "detail":"Bimtek stage 2: startsOn must be after the last day of stage 1 (2022-06-15).",\
                            "violations":[{"field":"startsOn","message":"must be after the last day of stage 1 (2022-06-15)"}]}""")))
    public Uni<Response> schedule(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "A unique key per intended scheduling, at most 255 characters.", example = "3f8a2c1e-5b7d-4e0f-9a6b-1c2d3e4f5a6b")
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            MasterplanRequests.ScheduleStageData body, @Context UriInfo uri) {
        MasterplanRequests.ScheduleStageData valid = bodies.validated(body);
        return bimtek.schedule(Caller.of(identity), id, valid.stage(), () -> MasterplanMapper.toCommand(valid), idempotencyKey,
                current -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(Integer.toString(valid.stage())).build(),
                        Long.toString(current.stage().version), MasterplanMapper.toView(current.stage())))
                .map(IdempotentResponses::created);
    }

    @GET
    @Path("/{stage}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getBimtekStage", summary = "Read a bimtek stage", description = ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The stage.", headers = @Header(name = "ETag", description = "The stage's version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class),
                    examples = @ExampleObject(name = "stage 1", value = STAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id or the stage number (1–4) is malformed.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or the stage is not scheduled.")
    public Uni<Response> get(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "Stage 1 to 4.", example = "1") @PathParam("stage") @Min(1) @Max(4) int stage) {
        return bimtek.get(id, stage).map(this::ok);
    }

    @PUT
    @Path("/{stage}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "rescheduleBimtekStage", summary = "Reschedule a bimtek stage",
            description = """
                    For `assessor` and `ministry-admin`. New dates, mode, venue or guides of a PLANNED stage, or a \
                    CANCELLED stage scheduled again (back to PLANNED); a HELD stage cannot be rescheduled (`409`). \
                    `If-Match` is required. Audited and published as `BimtekSessionScheduled` (`rescheduled: true`).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.RescheduleStageData.class),
            examples = @ExampleObject(name = "one week later", value = """
                    {"startsOn":"2022-06-21","endsOn":"2022-06-22","mode":"HYBRID","guides":["Fitrah Rahmat Kausar"]}""")))
    @APIResponse(responseCode = "200", description = "Rescheduled.", headers = @Header(name = "ETag", description = "The stage's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or the stage is not scheduled.")
    @APIResponse(responseCode = "409", description = "The stage is HELD, or the masterplan is ratified.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the stage's version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The dates overlap the stage before or after.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> reschedule(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "Stage 1 to 4.", example = "1") @PathParam("stage") @Min(1) @Max(4) int stage,
            @Parameter(description = "The ETag of the stage as you read it.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.RescheduleStageData body) {
        Long expected = ETags.versionOf(ifMatch);
        return bimtek.reschedule(Caller.of(identity), id, stage, expected,
                () -> MasterplanMapper.toCommand(bodies.validated(body))).map(this::ok);
    }

    @POST
    @Path("/{stage}/holding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "holdBimtekStage", summary = "Record that a bimtek stage was held",
            description = """
                    For `assessor` and `ministry-admin`: PLANNED → HELD, with what it delivered and (unless recorded \
                    before) who attended. Stage n+1 cannot be held before stage n was (`409` naming stage n's state), nor \
                    before its own first day (`422`). Audited and published as `BimtekSessionHeld`; holding stage 4 also \
                    publishes `BimtekCompleted`. `If-Match` is optional. The stage's days are the act's dates (the event                     carries `occurred` = its first day); a source that dates it otherwise (only its month) gives                     `occurred`, which lies within the stage's days, not in the future, not before 2017 unless the plan                     is SELF_MADE (`400` naming `occurred`).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.HoldStageData.class),
            examples = @ExampleObject(name = "stage 1 held", value = """
                    {"attendance":{"opds":["Bappeda","Dinas Kominfo"],"dewanMembers":[{"name":"H. W. Musyafirin","role":"Ketua"}]},\
                    "outputs":[{"title":"Analisis kesiapan daerah"}],"notes":"Dihadiri 30 OPD"}""")))
    @APIResponse(responseCode = "200", description = "Held.", headers = @Header(name = "ETag", description = "The stage's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class),
                    examples = @ExampleObject(name = "stage 1", value = STAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed, a field is invalid, or `occurred` lies outside the stage's days, in the future or before 2017.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or the stage is not scheduled.")
    @APIResponse(responseCode = "409", description = "The stage is not PLANNED, or the stage before it was not held.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stage 2 before stage 1", value = """
                            {"type":"https://kotacerdas.id/problems/illegal-transition","title":"Illegal state transition","status":409,\
                            "detail":"Bimtek stage 2 cannot be held before stage 1, which is PLANNED.",\
                            "violations":[{"field":"stage[1].state","message":"is PLANNED"}]}""")))
    @APIResponse(responseCode = "412", description = "If-Match does not match the stage's version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The stage's first day is still to come.")
    public Uni<Response> hold(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "Stage 1 to 4.", example = "1") @PathParam("stage") @Min(1) @Max(4) int stage,
            @Parameter(description = "The ETag of the stage as you read it (optional).", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.HoldStageData body) {
        Long expected = ETags.versionOf(ifMatch);
        return bimtek.hold(Caller.of(identity), id, stage, expected, () -> MasterplanMapper.toCommand(bodies.validated(body)))
                .map(this::ok);
    }

    @POST
    @Path("/{stage}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR })
    @Operation(operationId = "cancelBimtekStage", summary = "Cancel a planned bimtek stage",
            description = "For `assessor` and `ministry-admin`: PLANNED → CANCELLED, with the reason; reschedule it later with PUT. Audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.CancelStageData.class),
            examples = @ExampleObject(name = "postponed", value = "{\"reason\":\"Bupati berhalangan; dijadwalkan ulang\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled.", headers = @Header(name = "ETag", description = "The stage's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or has no reason.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or the stage is not scheduled.")
    @APIResponse(responseCode = "409", description = "The stage is not PLANNED.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the stage's version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    public Uni<Response> cancel(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "Stage 1 to 4.", example = "1") @PathParam("stage") @Min(1) @Max(4) int stage,
            @Parameter(description = "The ETag of the stage as you read it (optional).", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.CancelStageData body) {
        Long expected = ETags.versionOf(ifMatch);
        return bimtek.cancel(Caller.of(identity), id, stage, expected, () -> bodies.validated(body).reason()).map(this::ok);
    }

    @PUT
    @Path("/{stage}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER })
    @Operation(operationId = "recordBimtekAttendance", summary = "Record who attended a bimtek stage",
            description = """
                    For the region's own `region-officer`s, `assessor` and `ministry-admin`: the OPDs, Dewan Smart City and \
                    Tim Pelaksana members (and others) who attended a PLANNED or HELD stage, replacing what was recorded. \
                    `If-Match` is required. Audited.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterplanRequests.AttendanceData.class),
            examples = @ExampleObject(name = "KSB", value = """
                    {"opds":["Bappeda","Dinas Kominfo","Dinas Kesehatan"],"dewanMembers":[{"name":"H. W. Musyafirin","role":"Ketua"}],\
                    "timPelaksanaMembers":[{"name":"Ir. Amar Nurmansyah","role":"Ketua Tim Pelaksana"}],"others":[]}""")))
    @APIResponse(responseCode = "200", description = "Recorded.", headers = @Header(name = "ETag", description = "The stage's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.BimtekStageView.class)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "403", description = "A region officer of another region.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or the stage is not scheduled.")
    @APIResponse(responseCode = "409", description = "The stage is CANCELLED.")
    @APIResponse(responseCode = "412", description = "If-Match does not match the stage's version.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> recordAttendance(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "Stage 1 to 4.", example = "1") @PathParam("stage") @Min(1) @Max(4) int stage,
            @Parameter(description = "The ETag of the stage as you read it.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            MasterplanRequests.AttendanceData body) {
        Long expected = ETags.versionOf(ifMatch);
        return bimtek.recordAttendance(Caller.of(identity), id, stage, expected,
                () -> MasterplanMapper.toAttendance(bodies.validated(body))).map(this::ok);
    }

    private Response ok(BimtekService.Current current) {
        return Response.ok(MasterplanMapper.toView(current.stage())).tag(ETags.of(current.stage().version)).build();
    }
}
