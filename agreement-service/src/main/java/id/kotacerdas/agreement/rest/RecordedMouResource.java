package id.kotacerdas.agreement.rest;

import static id.kotacerdas.platform.security.Caller.IMPORTER;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.agreement.service.RecordedMouService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** MoUs of the past recorded from their sources (issue 18, item 2): a path of its own, beside the live workflow. */
@Idempotent
@Path("/api/v1/recorded-mous")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MoUs")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RecordedMouResource {

    static final String REQUEST_EXAMPLE = """
            {"regionCode":"18.72","programmeYear":2023,"signedOn":{"date":"2023-02-28","precision":"DAY"},\
            "number":null,"numberKnown":false,"ceremony":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2023",\
            "sources":[{"title":"Metro report 2023","url":"https://metrokota.go.id/berita/smart-city-2023","publishedOn":"2023-03-01"}]}""";
    static final String VIEW_EXAMPLE = """
            {"id":"7c2e4f10-5a3b-4d6e-8f90-1a2b3c4d5e6f","version":0,"regionCode":"18.72","regionName":"Kota Metro",\
            "regionLevel":"KOTA","provinceCode":"18","programmeYear":2023,"origin":"RECORDED","draftedFrom":null,\
            "state":"SIGNED","kind":"NOTA_KESEPAKATAN","numbers":{},\
            "firstParty":{"position":"Direktur Jenderal Aplikasi Informatika"},\
            "secondParty":{"title":"WALI_KOTA","position":"Wali Kota Metro"},\
            "firstPartySignatory":{"known":false},"secondPartySignatory":{"known":false},"witnesses":[],"attendees":[],\
            "scope":{"standardItems":[],"otherItems":[]},"localVenueKnown":false,"signedOn":"2023-02-28","validity":null,\
            "revision":1,"missingForSigning":[],\
            "sources":[{"title":"Metro report 2023","url":"https://metrokota.go.id/berita/smart-city-2023","publishedOn":"2023-03-01"}],\
            "occurred":{"signed":{"date":"2023-02-28","precision":"DAY"}},"number":null,"numberKnown":false,\
            "recordedCeremony":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2023","validityKnown":false}""";

    @Inject
    RecordedMouService recorded;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, IMPORTER })
    @Operation(operationId = "recordMou", summary = "Record an MoU of the past from its sources",
            description = """
                    For `ministry-admin` and the `importer` machine role (which may call nothing else of this service \
                    but this and recording a local commitment). An MoU known only by its signing: stored `SIGNED` with \
                    `origin: RECORDED`; what the sources do not give stays unknown, never invented: both signatories \
                    `known: false`, the number `numberKnown: false` when not given, no venue, no scope, and no \
                    validity (`validityKnown: false`; no certain rule gives it, so it never expires by itself). \
                    `sources` are required. `signedOn` is a day, a month or a year (then `signedOn` in the read is its \
                    first day and `occurred.signed` its precision), not in the future, not before 2017. \
                    Idempotent by its natural key, region and programme year: the same fact again is `200` with the \
                    stored MoU (no event, no audit entry); a different one is `409` naming the first differing field \
                    (use a correction); a live MoU of that region and year is `409` naming `programmeYear`. The live \
                    workflow is not involved and not weakened. Audited; publishes `MouSigned` with \
                    `origin: RECORDED`, the sources and `occurred`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecordedMouRequests.RecordedMou.class),
            examples = @ExampleObject(name = "Kota Metro 2023", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Recorded; `Location` is the MoU's URI, `ETag` its revision.",
            headers = { @Header(name = "Location", description = "URI of the MoU (`/api/v1/mous/{id}`)."),
                    @Header(name = "ETag", description = "The record's revision, e.g. `\"1\"`.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class),
                    examples = @ExampleObject(name = "recorded", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The same fact was recorded already: the stored MoU, nothing written.",
            headers = @Header(name = "ETag", description = "The record's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Mou.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (`sources`, `sources[i].url`, `signedOn.date`, `signedOn` in the future or before 2017, `number` / `numberKnown` contradicting).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no sources", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"sources: is required: name at least one source of a recorded fact (its url)",\
                            "violations":[{"field":"sources","message":"is required: name at least one source of a recorded fact (its url)"}]}""")))
    @APIResponse(responseCode = "403", description = "The caller is neither `ministry-admin` nor `importer`.")
    @APIResponse(responseCode = "409", description = "A live MoU of the region and year exists (`programmeYear`), or the MoU recorded already differs (names the first differing field: use a correction).",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "differs", value = """
                            {"type":"https://kotacerdas.id/problems/conflict","title":"Conflict","status":409,\
                            "detail":"signedOn: differs from the MoU of Kota Metro for 2023 recorded already (…): 2023-02-28 (DAY) there, 2023-02 (MONTH) here; use a correction (POST /api/v1/mous/…/corrections)",\
                            "violations":[{"field":"signedOn","message":"differs from the MoU of Kota Metro for 2023 recorded already (…)"}]}""")))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "No region has the code.")
    @APIResponse(responseCode = "503", description = "The region registry has not fully arrived yet (`Retry-After`).")
    public Uni<Response> record(RecordedMouRequests.RecordedMou body, @Context UriInfo uri) {
        return recorded.record(Caller.of(identity), () -> {
            RecordedMouRequests.RecordedMou b = bodies.validated(body);
            return new RecordedMouService.Record(b.regionCode(), b.programmeYear(), b.signedOn(), b.number(),
                    b.numberKnown(), b.ceremony(), b.sources());
        }).map(r -> {
            MouViews.Mou view = MouMapper.toView(r.mou(), null);
            if (!r.created()) {
                return Response.ok(view).tag(ETags.of(r.mou())).build();
            }
            return Response.created(uri.getBaseUriBuilder().path("api/v1/mous").path(r.mou().id.toString()).build())
                    .entity(view).tag(ETags.of(r.mou())).build();
        });
    }
}
