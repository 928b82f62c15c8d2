package id.kotacerdas.masterplan.rest;

import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.masterplan.service.RecordedMasterplanService;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The record-from-source path of masterplans (issue 18, item 2): the past, entered from its sources. */
@Idempotent
@Path("/api/v1/recorded-masterplans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Masterplans")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RecordedMasterplanResource {

    static final String EXAMPLE = """
            {"regionCode":"61.71","programmeYear":2019,"selfMade":false,"title":null,\
            "ratification":{"instrument":"Perwa","instrumentKnown":true,"number":"25","numberKnown":true,\
            "occurred":{"date":"2019","precision":"YEAR"},"dateKnown":true},\
            "sources":[{"title":"Perwa Pontianak No. 25 Tahun 2019","url":"https://jdih.pontianak.go.id/"}]}""";

    @Inject
    RecordedMasterplanService recorded;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordMasterplan", summary = "Record a past masterplan from its sources",
            description = """
                    For `ministry-admin` and the `importer` client. A masterplan known only by its ratification (or a \
                    region's self-made plan), recorded after the fact: state RATIFIED, `origin` RECORDED, `openedFrom` \
                    RECORDED. Its content (vision, pillars, quick wins, roadmap) is never recorded: reads say \
                    `contentRecorded: false` and have no `document`; the HTML export and the alignment check answer \
                    `409`. The instrument, its number and its date may each be unknown (`null` with `…Known: false`). \
                    `sources` are required. Never starts live workflow (no bimtek, no review). Idempotent by its \
                    natural key (region, programme year) — or (region, instrument number) for a self-made plan without \
                    a programme year: the same fact again is a `200` with the stored masterplan (no event, no audit \
                    entry); other content under the same key is a `409` naming the first differing field (use a \
                    correction); a LIVE masterplan of that region and year is a `409`. Published as \
                    `MasterplanRatified` (origin RECORDED, `sources`, `occurred` when the date is known).""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordRequests.RecordedMasterplanData.class),
            examples = { @ExampleObject(name = "Pontianak 2019", value = EXAMPLE),
                    @ExampleObject(name = "self-made, number and date unknown", value = """
                            {"regionCode":"19.71","programmeYear":2016,"selfMade":true,\
                            "ratification":{"instrument":"Perwali","number":null,"numberKnown":false,"occurred":null,"dateKnown":false},\
                            "sources":[{"url":"https://pangkalpinangkota.go.id/smart-city"}]}""") }))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the masterplan's URI.",
            headers = { @Header(name = "Location", description = "URI of the masterplan."),
                    @Header(name = "ETag", description = "The masterplan's version.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "200", description = "The same fact was recorded before: the stored masterplan; nothing written.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MasterplanViews.MasterplanView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid: `sources` missing, `programmeYear` missing or before 2017 for a plan of the programme, a `…Known` flag disagreeing with its value, an unknown instrument name, `ratification.occurred` in the future or before 2017 (unless `selfMade`).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no sources", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"sources: is required: name at least one source of a recorded fact (its url)",\
                            "violations":[{"field":"sources","message":"is required: name at least one source of a recorded fact (its url)"}]}""")))
    @APIResponse(responseCode = "404", description = "No region has the code (or it was replaced).")
    @APIResponse(responseCode = "409", description = "The same key holds other content (use a correction), or the region has a LIVE masterplan for that year.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The instrument does not fit the region's level (a Perwali for a kabupaten).")
    @APIResponse(responseCode = "503", description = "The region registry has not fully arrived yet; retry after `Retry-After`.")
    public Uni<Response> record(RecordRequests.RecordedMasterplanData body, @Context UriInfo uri) {
        var command = RecordMapper.toRecord(bodies.validated(body));
        return recorded.record(Caller.of(identity), command).map(r -> {
            var view = MasterplanMapper.toView(r.masterplan(), List.of(), List.of());
            Response.ResponseBuilder answer = r.created()
                    ? Response.created(uri.getBaseUriBuilder().path("api/v1/masterplans/{id}").build(r.masterplan().id))
                    : Response.ok();
            return answer.entity(view).tag(ETags.of(r.masterplan().version)).build();
        });
    }
}
