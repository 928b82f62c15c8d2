package id.kotacerdas.agreement.rest;

import jakarta.validation.constraints.Pattern;
import id.kotacerdas.agreement.repository.MouCeremonyRepository;
import id.kotacerdas.platform.web.SortOrder;
import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.agreement.domain.CeremonyState;
import id.kotacerdas.agreement.service.CeremonyService;
import id.kotacerdas.agreement.service.MouCommands;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResponses;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.RequestBodyValidator;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Idempotent
@Path("/api/v1/mou-ceremonies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MoU ceremonies")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class MouCeremonyResource {

    /** The sort parameter: {@code SortOrder.regex("plannedOn", "programmeYear", "createdAt")} (an annotation takes only constants). */
    static final String SORT_REGEX = "[-+]?(plannedOn|programmeYear|createdAt)";

    static final String CEREMONY_EXAMPLE = """
            {"programmeYear":2022,"title":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2022",\
            "plannedOn":"2022-04-21","host":"Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika",\
            "mode":"VIRTUAL"}""";
    static final String VIEW_EXAMPLE = """
            {"id":"5b1e8c7a-1d2f-4a3b-9c8d-7e6f5a4b3c2d","version":0,"programmeYear":2022,\
            "title":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2022","plannedOn":"2022-04-21",\
            "state":"PLANNED","host":"Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika",\
            "mode":"VIRTUAL","createdAt":"2026-11-30T08:00:00Z","createdBy":"ministry","updatedAt":"2026-11-30T08:00:00Z","updatedBy":"ministry"}""";
    static final String HELD_EXAMPLE = """
            {"ceremony":{"id":"5b1e8c7a-1d2f-4a3b-9c8d-7e6f5a4b3c2d","version":1,"programmeYear":2022,"state":"HELD",\
            "plannedOn":"2022-04-21","heldOn":"2022-04-21","mode":"VIRTUAL"},\
            "signed":[{"id":"0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b","regionCode":"51.02","regionName":"Kabupaten Tabanan","state":"SIGNED","version":4}],\
            "notSigned":[{"mou":{"id":"7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d","regionCode":"33.76","regionName":"Kota Tegal","state":"SCHEDULED","version":2},\
            "missing":[{"field":"localVenue","message":"is required to sign (or localVenueKnown: false, with a source)",\
            "code":"required"}]}]}""";

    @Inject
    CeremonyService ceremonies;

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestBodyValidator bodies;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listMouCeremonies", summary = "List national signing ceremonies",
            description = "Ceremonies by programme year and state, newest planned date first unless `sort` says otherwise "
                    + "(ties: newest planned date, then id). Every role may read them.")
    @APIResponse(responseCode = "200", description = "A page of ceremonies.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.CeremonyPage.class),
                    examples = @ExampleObject(name = "2022", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.")
    public Uni<MouViews.CeremonyPage> list(
            @Parameter(description = "Only ceremonies of this programme year.", example = "2022")
            @QueryParam("programmeYear") @Min(2017) @Max(2100) Integer programmeYear,
            @Parameter(description = "Only ceremonies in this state.") @QueryParam("state") CeremonyState state,
            @Parameter(description = "Sort field, `-` prefix for descending: plannedOn, programmeYear, createdAt. Default `-plannedOn`.", example = "plannedOn")
            @QueryParam("sort") @Size(max = 20)
            @Pattern(regexp = SORT_REGEX, message = "must be one of plannedOn, programmeYear, createdAt, optionally prefixed with -") String sort,
            @Valid @BeanParam PageParams paging) {
        SortOrder order = SortOrder.parse(sort);
        return ceremonies.list(programmeYear, state, SortOrder.field(order, MouCeremonyRepository.SortField.class),
                SortOrder.descending(order), paging.page, paging.size)
                .map(found -> new MouViews.CeremonyPage(found.items().stream().map(MouMapper::toView).toList(),
                        paging.page, paging.size, found.total(), paging.totalPages(found.total())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "createMouCeremony", summary = "Plan a national signing ceremony",
            description = """
                    For `ministry-admin`. A ceremony (date, host, mode) that a cohort's MoUs attach to. Send an \
                    `Idempotency-Key` so that a retry plans nothing twice. Audited.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CeremonyRequests.Ceremony.class), examples = @ExampleObject(name = "2022-04-21", value = CEREMONY_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Planned; `Location` is its URI and `ETag` its version.",
            headers = { @Header(name = "Location", description = "URI of the new ceremony."),
                    @Header(name = "ETag", description = "The ceremony's version."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Ceremony.class),
                    examples = @ExampleObject(name = "planned", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request.")
    public Uni<Response> create(
            @Parameter(description = "A unique key per intended creation, at most 255 characters.") @HeaderParam(Idempotency.HEADER) @Size(max = 255) String idempotencyKey,
            CeremonyRequests.Ceremony body, @Context UriInfo uri) {
        return ceremonies.create(caller(), () -> MouMapper.toCeremony(bodies.validated(body)), idempotencyKey,
                ceremony -> new IdempotentResult.Created<>(uri.getAbsolutePathBuilder().path(ceremony.id.toString()).build(),
                        Long.toString(ceremony.version), MouMapper.toView(ceremony)))
                .map(IdempotentResponses::created);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getMouCeremony", summary = "Read a ceremony",
            description = "One ceremony; its MoUs: `GET /api/v1/mous?ceremonyId=…`. Every role may read it.")
    @APIResponse(responseCode = "200", description = "The ceremony.",
            headers = @Header(name = "ETag", description = "The ceremony's version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Ceremony.class),
                    examples = @ExampleObject(name = "2022-04-21", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID.")
    @APIResponse(responseCode = "404", description = "No such ceremony.")
    public Uni<Response> get(@Parameter(description = "The ceremony's id.") @PathParam("id") UUID id) {
        return ceremonies.get(id).map(c -> Response.ok(MouMapper.toView(c)).tag(ETags.of(c.version)).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "updateMouCeremony", summary = "Replace a planned ceremony's facts",
            description = """
                    For `ministry-admin`, while the ceremony is `PLANNED` (the programme year stays). `If-Match` is \
                    required. Audited.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CeremonyRequests.Ceremony.class), examples = @ExampleObject(name = "2022-04-21", value = CEREMONY_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced; `ETag` is the new version.",
            headers = @Header(name = "ETag", description = "The ceremony's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.Ceremony.class),
                    examples = @ExampleObject(name = "updated", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed or a field is invalid.")
    @APIResponse(responseCode = "404", description = "No such ceremony.")
    @APIResponse(responseCode = "409", description = "The ceremony was held already (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The programme year would change.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> update(@Parameter(description = "The ceremony's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the ceremony as you read it.", example = "\"0\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            CeremonyRequests.Ceremony body) {
        return ceremonies.update(caller(), id, ETags.versionOf(ifMatch), () -> MouMapper.toCeremony(bodies.validated(body)))
                .map(c -> Response.ok(MouMapper.toView(c)).tag(ETags.of(c.version)).build());
    }

    @POST
    @Path("/{id}/mous")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "scheduleMouCohort", summary = "Schedule a cohort's MoUs into the ceremony",
            description = """
                    For `ministry-admin`. Schedules the listed MoUs, or (`allDrafts: true`) every `DRAFT` MoU of the \
                    ceremony's programme year, into this `PLANNED` ceremony, in one transaction: if one of them \
                    cannot be scheduled (signed already: `409` naming it and its state; another year: `422`), none \
                    is. MoUs already scheduled into it stay as they are. Each scheduled MoU is audited and published \
                    as `MouScheduled`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CeremonyRequests.CohortSchedule.class),
            examples = @ExampleObject(name = "the whole cohort", value = "{\"allDrafts\":true}")))
    @APIResponse(responseCode = "200", description = "The MoUs scheduled now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.CohortScheduled.class),
                    examples = @ExampleObject(name = "scheduled", value = """
                            {"ceremony":{"id":"5b1e8c7a-1d2f-4a3b-9c8d-7e6f5a4b3c2d","version":0,"programmeYear":2022,"state":"PLANNED","plannedOn":"2022-04-21","mode":"VIRTUAL"},\
                            "scheduled":[{"id":"0f3c2d9e-8a41-4e55-b7a2-6c1d2e3f4a5b","regionCode":"51.02","regionName":"Kabupaten Tabanan","state":"SCHEDULED","version":1}]}""")))
    @APIResponse(responseCode = "400", description = "Neither or both of mouIds and allDrafts; `occurred` malformed, in the future, before 2017 or before the draft of one of the MoUs.")
    @APIResponse(responseCode = "404", description = "No such ceremony.")
    @APIResponse(responseCode = "409", description = "The ceremony was held already, or a listed MoU was signed (names its state).")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "A listed MoU does not exist or is of another programme year.")
    public Uni<MouViews.CohortScheduled> scheduleCohort(@Parameter(description = "The ceremony's id.") @PathParam("id") UUID id,
            CeremonyRequests.CohortSchedule body) {
        return ceremonies.scheduleCohort(caller(), id, () -> {
            CeremonyRequests.CohortSchedule b = bodies.validated(body);
            return new MouCommands.CohortSchedule(b.mouIds(), Boolean.TRUE.equals(b.allDrafts()), b.occurred());
        }).map(MouMapper::toView);
    }

    @POST
    @Path("/{id}/holding")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "recordMouCeremonyHeld", summary = "Record that the ceremony took place",
            description = """
                    For `ministry-admin`. Records that this `PLANNED` ceremony took place on `heldOn` (not after \
                    today) and signs on that day every `SCHEDULED` MoU of it whose record is complete (local venue, \
                    both signatories or an explicit "not known" with sources, validity years in its terms); each is \
                    audited and published as `MouSigned`. The others stay `SCHEDULED` and are listed in `notSigned` \
                    with what they lack, to be completed and signed one by one (`POST /api/v1/mous/{id}/signing`). \
                    `If-Match` (the ceremony's ETag) is required; a second call is `409` naming the state `HELD`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CeremonyRequests.Held.class),
            examples = @ExampleObject(name = "2022-04-21", value = "{\"heldOn\":\"2022-04-21\"}")))
    @APIResponse(responseCode = "200", description = "Recorded: the MoUs signed now and those not signed.",
            headers = @Header(name = "ETag", description = "The ceremony's new version."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MouViews.CeremonyHeld.class),
                    examples = @ExampleObject(name = "held", value = HELD_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "heldOn is missing, in the future, before 2017, or before the draft or the scheduling of an MoU of the ceremony (names `heldOn`).")
    @APIResponse(responseCode = "404", description = "No such ceremony.")
    @APIResponse(responseCode = "409", description = "The ceremony was recorded as held already (names the state).")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> recordHeld(@Parameter(description = "The ceremony's id.") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the ceremony as you read it.", example = "\"0\"") @HeaderParam("If-Match") @Size(max = 50) String ifMatch,
            CeremonyRequests.Held body) {
        return ceremonies.recordHeld(caller(), id, ETags.versionOf(ifMatch), () -> {
            CeremonyRequests.Held b = bodies.validated(body);
            return new MouCommands.CeremonyHeld(b.heldOn(), b.note());
        }).map(held -> Response.ok(MouMapper.toView(held)).tag(ETags.of(held.ceremony().version)).build());
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
