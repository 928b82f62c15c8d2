package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.domain.SelectionPlanner;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.service.SelectionService;
import java.util.List;

@Idempotent
@Path("/api/v1/assessment-cycles/{cycleId}/selection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Selection")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class SelectionResource {

    static final String SELECTION_EXAMPLE = """
            {"id":"5c0e3f7a-8a5b-4a0f-b3a1-2f6d9c1e7b20","cycleId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","programmeYear":2023,\
            "framework":{"code":"kominfo-readiness","version":2},"confirmedAt":"2022-06-03T03:00:00Z","confirmedBy":"ministry",\
            "selectedKabKota":1,"selectedProvinces":0,"entries":[{"regionCode":"18.72","regionName":"Kota Metro","provinceCode":"18",\
            "track":"KAB_KOTA","rank":1,"score":72.50,"selected":true,"outcome":"SELECTED",\
            "reason":"Rank 1 of track KAB_KOTA, within its 50 seat(s).","repeat":false,"repeatOf":[]}]}""";

    @Inject
    SelectionService selections;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/proposal")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, AUDITOR })
    @Operation(operationId = "proposeSelection", summary = "The system's proposed selection",
            description = """
                    Per track, the top of the ranking within the seats, skipping a kabupaten/kota whose province has \
                    reached the maximum per province; every other ranked region with the reason it is left out. Only \
                    in SCORING (`409` naming the state otherwise). Roles: `ministry-admin`, `assessor`, `auditor`.""")
    @APIResponse(responseCode = "200", description = "The proposal.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelectionViews.ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is not in SCORING.")
    public Uni<SelectionViews.ProposalView> proposal(@Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId) {
        return selections.propose(Caller.of(identity), cycleId).map(p -> {
            var cycle = p.ranking().cycle().cycle();
            return new SelectionViews.ProposalView(cycleId, new CycleRequest.QuotasBody(cycle.quotas.kabKotaSeats(),
                    cycle.quotas.provinceSeats(), cycle.quotas.maxPerProvince()),
                    p.decisions().stream().map(SelectionResource::decision).toList(),
                    p.ranking().unscored().stream().map(i -> i.regionCode).toList());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "confirmSelection", summary = "Confirm the selection",
            description = """
                    Confirms the proposal, or adjusts it region by region, each adjustment with a reason; the result \
                    must fit the seats and the maximum per province (`422` naming `adjustments`). Stores the selection \
                    (a decision for every invited region that did not decline), moves the cycle SCORING → SELECTED \
                    (results are published), and publishes `RegionSelected` (programme year, track, rank, score, \
                    earlier cohorts in `repeatOf`) or `RegionNotSelected` per region. `If-Match` carries the cycle's \
                    ETag; send an `Idempotency-Key` so that a retry confirms nothing twice. Audited. A selection \
                    recorded after the fact gives `occurred` (not before the cycle's last scoring: `400` naming \
                    `occurred`); both events carry it. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SelectionViews.Request.class), examples = {
                    @ExampleObject(name = "as proposed", value = "{\"adjustments\":[]}"),
                    @ExampleObject(name = "after the fact", value = "{\"adjustments\":[],\"occurred\":{\"date\":\"2022-05-20\",\"precision\":\"DAY\"}}"),
                    @ExampleObject(name = "adjusted", value = "{\"adjustments\":[{\"regionCode\":\"51.02\",\"selected\":true,"
                            + "\"reason\":\"Regional balance: no region of Bali in the proposal.\"},{\"regionCode\":\"18.71\","
                            + "\"selected\":false,\"reason\":\"Withdrew after the interview.\"}]}") }))
    @APIResponse(responseCode = "201", description = "Confirmed; `Location` is the selection.",
            headers = { @Header(name = "Location", description = "URI of the selection."),
                    @Header(name = "ETag", description = "The cycle's new revision."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelectionViews.View.class),
                    examples = @ExampleObject(name = "one selected", value = SELECTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed body, an adjustment without a reason, or a malformed If-Match; an `occurred` that is malformed, in the future, before 2017 or before the last scoring.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "selected before scored", value = ApiDocs.EXAMPLE_400_OCCURRED)))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is not in SCORING (names its state), e.g. already SELECTED.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "Adjustments beyond the seats or the maximum per province, of unranked regions, or no change; a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"adjustments: the selection would take 51 region(s) on track KAB_KOTA; the cycle has 50 seat(s)",\
                            "violations":[{"field":"adjustments","message":"the selection would take 51 region(s) on track KAB_KOTA; the cycle has 50 seat(s)"}]}""")))
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> confirm(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "The cycle's ETag.", example = "\"4\"") @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull SelectionViews.Request body,
            @Context UriInfo uri) {
        Long expected = ETags.revision(ifMatch);
        List<SelectionPlanner.Adjustment> adjustments = body.adjustments() == null ? List.of()
                : body.adjustments().stream().map(a -> new SelectionPlanner.Adjustment(a.regionCode(), a.selected(),
                        a.reason())).toList();
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, List.of(cycleId, body),
                () -> selections.confirm(caller, cycleId, expected, adjustments, body.occurred()),
                confirmed -> new IdempotentResult.Created<>(uri.getAbsolutePath(), Long.toString(confirmed.cycle().revision), view(confirmed)));
    }

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getSelection", summary = "The confirmed selection",
            description = """
                    The cohort of the cycle's programme year: every invited region's decision with its reason, and \
                    for a selected region whether it is a repeat of an earlier cohort (`repeatOf`). Published once \
                    confirmed (`404` before). Roles: every role.""")
    @APIResponse(responseCode = "200", description = "The selection.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SelectionViews.View.class),
                    examples = @ExampleObject(name = "one selected", value = SELECTION_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such cycle, or no selection confirmed yet.")
    public Uni<SelectionViews.View> get(@Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId) {
        return selections.get(Caller.of(identity), cycleId).map(SelectionResource::view);
    }

    static SelectionViews.View view(SelectionService.Confirmed c) {
        List<SelectionEntry> entries = c.entries();
        long kabKota = entries.stream().filter(e -> e.selected && e.track == Track.KAB_KOTA).count();
        long provinces = entries.stream().filter(e -> e.selected && e.track == Track.PROVINCE).count();
        return new SelectionViews.View(c.selection().id, c.selection().cycleId, c.selection().programmeYear,
                new CycleRequest.FrameworkRef(c.selection().frameworkCode, c.selection().frameworkVersion),
                c.selection().confirmedAt, c.selection().confirmedBy, c.selection().selectedOccurred(), Origin.LIVE, kabKota, provinces,
                entries.stream().map(SelectionViews.EntryView::of).toList());
    }

    private static SelectionViews.DecisionView decision(SelectionPlanner.Decision d) {
        return new SelectionViews.DecisionView(d.entry().regionCode(), d.entry().candidate().regionName(),
                d.entry().candidate().provinceCode(), d.track(), d.entry().rank(), d.entry().score(), d.selected(),
                d.outcome(), d.reason());
    }
}
