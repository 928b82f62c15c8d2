package id.kotacerdas.masterplan.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.validation.Valid;
import id.kotacerdas.platform.web.PageParams;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.RatificationRevision;
import id.kotacerdas.masterplan.service.RatificationService;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A masterplan's ratification as a fact of its own (issue 18, item 3): read with its {@code revision} (the
 * {@code ETag}), corrected and withdrawn in the open by the ministry, every earlier value kept. For live and recorded
 * ratifications alike; the ratification resource is {@code /api/v1/masterplans/{id}/ratification} (where
 * {@code POST} records a live one).
 */
@Idempotent
@Path("/api/v1/masterplans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RatificationResource {

    private static final ObjectMapper VALUES = new ObjectMapper().findAndRegisterModules();

    @Inject
    RatificationService ratifications;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @GET
    @Path("/{id}/ratification")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRatification", summary = "Read a masterplan's ratification",
            description = "The ratification with its `revision` (1 when recorded, one more with each correction and the "
                    + "withdrawal); the `ETag` is `\"<revision>\"`, to send in `If-Match` to correct or withdraw it. A "
                    + "withdrawn ratification stays readable here with its `withdrawn`. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "The ratification.",
            headers = @Header(name = "ETag", description = "The ratification's revision, e.g. `\"1\"`."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.RatificationView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or it has no ratification.")
    public Uni<Response> get(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id) {
        return ratifications.get(id).map(RatificationResource::answer);
    }

    @POST
    @Path("/{id}/ratification/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "correctRatification", summary = "Correct a ratification's facts",
            description = """
                    For `ministry-admin` only. Changes the ratification's `instrument` (any accepted name), `number`, \
                    `occurred` (its date: DAY, MONTH or YEAR; not in the future, not before 2017 unless SELF_MADE) or \
                    `title`; `null` makes a fact unknown (a recorded ratification only may lose its instrument or date). \
                    `If-Match: "<revision>"` is required (`428` without, `412` when stale). `reason` is required, \
                    `sources` too for a recorded ratification. An empty or no-op `changes` is a `400` naming `changes`; \
                    a withdrawn ratification is a `409`. Answers the ratification as it now stands (revision + 1); the \
                    earlier value is kept (`GET …/ratification/revisions`). Audited; published as \
                    `RatificationCorrected`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordRequests.CorrectionData.class),
            examples = @ExampleObject(name = "the number", value = """
                    {"reason":"The JDIH page gives No. 25, not 52","sources":[{"url":"https://jdih.pontianak.go.id/perwa-25-2019"}],\
                    "changes":{"number":"25","occurred":{"date":"2019-07-02","precision":"DAY"}}}""")))
    @APIResponse(responseCode = "200", description = "Corrected; `ETag` is the new revision.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.RatificationView.class)))
    @APIResponse(responseCode = "400", description = "`reason`, `sources` or `changes` is missing or invalid, or changes nothing.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or it has no ratification.")
    @APIResponse(responseCode = "409", description = "The ratification was withdrawn.")
    @APIResponse(responseCode = "412", description = "If-Match is not the current revision.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The instrument does not fit the region's level.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no If-Match", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> correct(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ratification's ETag as you read it.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            RecordRequests.CorrectionData body) {
        Long expected = ETags.versionOf(ifMatch);
        return ratifications.correct(Caller.of(identity), id, expected == null ? null : expected.intValue(), () -> {
            RecordRequests.CorrectionData c = bodies.validated(body);
            if (c.sources() != null && !c.sources().isEmpty()) {
                var problems = Source.check("sources", c.sources());
                if (!problems.isEmpty()) {
                    throw new ProblemException(400, "validation", "Invalid request", problems.get(0).field() + ": "
                            + problems.get(0).message(), problems, Map.of());
                }
            }
            return new RatificationService.Correct(c.reason().strip(), RecordMapper.sources(c.sources()),
                    changes(c.changes()));
        }).map(RatificationResource::answer);
    }

    @POST
    @Path("/{id}/ratification/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "withdrawRatification", summary = "Withdraw a ratification",
            description = """
                    For `ministry-admin` only. The ratification should never have been recorded: body `Withdrawal` \
                    (`reason`; `sources` required for a recorded ratification), `If-Match: "<revision>"` (`428`, \
                    `412`). A LIVE masterplan goes back to APPROVED (its state before the ratification; it may be \
                    ratified again). A RECORDED masterplan, known only by its ratification, is withdrawn with it: it \
                    stays readable by id but leaves the lists (unless `includeWithdrawn=true`). Withdrawing twice is \
                    a `409`. Audited; published as `RatificationWithdrawn`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Withdrawal.class)))
    @APIResponse(responseCode = "200", description = "Withdrawn; the ratification with its `withdrawn`.",
            headers = @Header(name = "ETag", description = "The new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.RatificationView.class)))
    @APIResponse(responseCode = "400", description = "`reason` missing, or `sources` missing for a recorded ratification.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or it has no ratification.")
    @APIResponse(responseCode = "409", description = "The ratification was withdrawn already.")
    @APIResponse(responseCode = "412", description = "If-Match is not the current revision.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> withdraw(@Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ratification's ETag as you read it.", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
            Withdrawal body) {
        Long expected = ETags.versionOf(ifMatch);
        return ratifications.withdraw(Caller.of(identity), id, expected == null ? null : expected.intValue(), () -> {
            Withdrawal w = body == null ? new Withdrawal(null, null) : body;
            return new RatificationService.WithdrawalInput(w.reason() == null ? null : w.reason().strip(),
                    RecordMapper.sourcesOrEmpty(w.sources()), w::check);
        }).map(RatificationResource::answer);
    }

    @GET
    @Path("/{id}/ratification/revisions")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listRatificationRevisions", summary = "Every earlier value of a ratification",
            description = "Oldest first: each earlier `value` with its `revision`, and who replaced it (a correction or "
                    + "the withdrawal), when, why and from which sources. " + ApiDocs.EVERY_ROLE)
    @APIResponse(responseCode = "200", description = "A page of the earlier values (no items when never corrected).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MasterplanViews.RatificationRevisionPage.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID, or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such masterplan, or it has no ratification.")
    public Uni<MasterplanViews.RatificationRevisionPage> revisions(
            @Parameter(description = "The masterplan's id.") @PathParam("id") UUID id,
            @Valid @BeanParam PageParams paging) {
        return ratifications.revisions(id).map(all -> new MasterplanViews.RatificationRevisionPage(id,
                paging.slice(all).stream().map(RatificationResource::revision).toList(), paging.page, paging.size,
                all.size(), paging.totalPages(all.size())));
    }

    private static MasterplanViews.RatificationRevisionView revision(RatificationRevision r) {
        return new MasterplanViews.RatificationRevisionView(r.revision, r.changedAt, r.changedBy, r.reason,
                r.sources == null ? List.of() : r.sources.items(), MasterplanMapper.ratification(r.value));
    }

    private static Response answer(Masterplan m) {
        return Response.ok(MasterplanMapper.ratification(m.ratification))
                .tag(new EntityTag(Integer.toString(m.ratification.currentRevision()))).build();
    }

    /** The changes with their values parsed: {@code occurred} as an {@link Occurred} (a malformed one is a 400). */
    private static Map<String, Object> changes(Map<String, Object> raw) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>(raw);
        Object occurred = raw.get("occurred");
        if (occurred != null) {
            try {
                out.put("occurred", VALUES.convertValue(occurred, Occurred.class).normalized());
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("changes.occurred", "must be a date with its precision, e.g. "
                        + "{\"date\": \"2019-07\", \"precision\": \"MONTH\"}");
            }
        }
        return out;
    }
}
