package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import id.kotacerdas.assessment.domain.InvitationStatus;
import id.kotacerdas.assessment.service.InvitationService;

@Idempotent
@Path("/api/v1/assessment-cycles/{cycleId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class InvitationResource {

    static final String VIEW_EXAMPLE = """
            {"cycleId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","regionCode":"18.72","regionName":"Kota Metro","regionLevel":"KOTA",\
            "provinceCode":"18","provinceName":"Lampung","track":"KAB_KOTA","status":"INVITED",\
            "invitedAt":"2022-01-10T02:00:00Z","invitedBy":"ministry","revision":0}""";
    static final String UNKNOWN_REGION = """
            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
            "detail":"regionCodes[1]: no region has the code 18.99",\
            "violations":[{"field":"regionCodes[1]","message":"no region has the code 18.99"}]}""";

    @Inject
    InvitationService invitations;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "inviteRegions", summary = "Invite regions to a cycle",
            description = """
                    Invites regions from the region registry while the cycle is INVITING: a list of current Kemendagri \
                    codes, or a filter (every autonomous region of a level and/or province). Regions already invited \
                    are left alone (`alreadyInvited`). Each new invitation is audited and published as `RegionInvited` \
                    (key: the region code). An unknown or replaced code is `422` naming it; `503` while the service's \
                    copy of the registry is still arriving. Send an `Idempotency-Key` so that a retry creates nothing \
                    twice. An invitation recorded after the fact gives `occurred` (its date and precision): stored \
                    beside `invitedAt`, returned as `occurred` and carried by `RegionInvited`. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvitationViews.Request.class), examples = {
                    @ExampleObject(name = "by list", value = "{\"regionCodes\":[\"18.72\",\"51.02\"]}"),
                    @ExampleObject(name = "by filter", value = "{\"filter\":{\"level\":\"KOTA\",\"provinceCode\":\"18\"}}"),
                    @ExampleObject(name = "after the fact", value = "{\"regionCodes\":[\"18.72\"],\"occurred\":{\"date\":\"2022-01-10\",\"precision\":\"DAY\"}}") }))
    @APIResponse(responseCode = "201", description = "Invited; `Location` is the cycle's invitations.",
            headers = { @Header(name = "Location", description = "URI of the cycle's invitations."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationViews.Batch.class),
                    examples = @ExampleObject(name = "one", value = "{\"cycleId\":\"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10\",\"invited\":["
                            + VIEW_EXAMPLE + "],\"alreadyInvited\":[\"51.02\"]}")))
    @APIResponse(responseCode = "400", description = "Malformed codes, or neither (or both) of regionCodes and filter; an `occurred` that is malformed, in the future or before 2017.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle is not INVITING (names its state).")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "An unknown or replaced region code (named), an unknown province, a filter that matches nothing, or a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown region", value = UNKNOWN_REGION)))
    @APIResponse(responseCode = "503", description = "The service's copy of the region registry is still arriving (`Retry-After`).")
    public Uni<Response> invite(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull InvitationViews.Request body,
            @Context UriInfo uri) {
        if ((body.regionCodes() == null) == (body.filter() == null)) {
            throw ProblemException.badRequest("body", "give either regionCodes or filter");
        }
        InvitationService.Whom whom = body.regionCodes() != null
                ? new InvitationService.Whom(body.regionCodes(), null, null)
                : new InvitationService.Whom(null, body.filter().level(), body.filter().provinceCode());
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, java.util.List.of(cycleId, body),
                () -> invitations.invite(caller, cycleId, whom, body.occurred()),
                done -> new IdempotentResult.Created<>(uri.getAbsolutePath(), null, new InvitationViews.Batch(cycleId,
                        done.invited().stream().map(InvitationViews.View::of).toList(), done.alreadyInvited())));
    }

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "listInvitations", summary = "List a cycle's invitations",
            description = "The invited regions by code, filtered by status or province. A region officer sees only their own region's invitation. Roles: `ministry-admin`, `assessor`, `auditor`; `region-officer` (own region).")
    @APIResponse(responseCode = "200", description = "A page of invitations.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationViews.Page.class),
                    examples = @ExampleObject(name = "one", value = "{\"items\":[" + VIEW_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1,\"totalPages\":1}")))
    @APIResponse(responseCode = "400", description = "A filter or the page is invalid.")
    @APIResponse(responseCode = "404", description = "No such cycle.")
    public Uni<InvitationViews.Page> list(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Only invited (taking part), only declined, or only cancelled regions.") @QueryParam("status") InvitationStatus status,
            @Parameter(description = "Only regions of this province.", example = "18") @QueryParam("provinceCode")
            @Pattern(regexp = "^\\d{2}$", message = "must be a 2-digit province code") String provinceCode,
            @Valid @BeanParam PageParams paging) {
        return invitations.list(Caller.of(identity), cycleId, status, provinceCode, paging.page, paging.size)
                .map(result -> new InvitationViews.Page(result.items().stream().map(InvitationViews.View::of).toList(),
                        paging.page, paging.size, result.total(), paging.totalPages(result.total())));
    }

    @GET
    @Path("/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, AUDITOR })
    @Operation(operationId = "getInvitation", summary = "Read a region's invitation",
            description = "The `ETag` is the revision to send in `If-Match` when declining. Roles: `ministry-admin`, `assessor`, `auditor`; `region-officer` (own region).")
    @APIResponse(responseCode = "200", description = "The invitation.",
            headers = @Header(name = "ETag", description = "The invitation's revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationViews.View.class),
                    examples = @ExampleObject(name = "Kota Metro", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The code is malformed.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    public Uni<Response> get(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode) {
        return invitations.get(Caller.of(identity), cycleId, regionCode)
                .map(i -> Response.ok(InvitationViews.View.of(i)).tag(ETags.of(i.revision)).build());
    }

    @POST
    @Path("/{regionCode}/declining")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ MINISTRY_ADMIN, REGION_OFFICER })
    @Operation(operationId = "declineInvitation", summary = "Decline an invitation",
            description = """
                    The region declines, with a reason, while the cycle is INVITING or SELF_ASSESSMENT and before it \
                    has submitted its self-assessment (else `409` naming the state). `If-Match` is required. Audited. \
                    Roles: `region-officer` (own region only), `ministry-admin` (on the region's behalf). The former \
                    path `…/decline` still answers, with `Deprecation: true` and a `Link` to this one.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvitationViews.Decline.class),
            examples = @ExampleObject(name = "term ends", value = "{\"reason\":\"The regional head's term ends before the programme year.\"}")))
    @APIResponse(responseCode = "200", description = "Declined.",
            headers = @Header(name = "ETag", description = "The invitation's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationViews.View.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a malformed code or If-Match.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "Already declined, already submitted, or the cycle has moved on.")
    @APIResponse(responseCode = "412", description = "If-Match is stale.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.")
    public Uni<Response> decline(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "51.02") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull InvitationViews.Decline body) {
        Long expected = ETags.revision(ifMatch);
        return invitations.decline(Caller.of(identity), cycleId, regionCode, expected, body.reason())
                .map(i -> Response.ok(InvitationViews.View.of(i)).tag(ETags.of(i.revision)).build());
    }

    @POST
    @Path("/{regionCode}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "cancelInvitation", summary = "Cancel a region's invitation",
            description = """
                    The ministry cancels one region's invitation with a `reason` (required, at most 2000 characters) \
                    while the cycle's selection is not confirmed (the cycle is not SELECTED, CLOSED or CANCELLED) and \
                    the region has neither declined nor been cancelled; otherwise `409` naming the state. The \
                    invitation becomes CANCELLED with `cancellation` (`at`, `by`, `reason`); the region can no longer \
                    fill in or submit its self-assessment or be scored in this cycle (`409`), and it leaves the \
                    ranking, the proposed selection and the count of invited regions. It stays readable here and in \
                    the list (`status=CANCELLED`). `If-Match` (the invitation's `ETag`) is required. Audited \
                    (`INVITATION_CANCELLED`); publishes `InvitationCancelled` on `kotacerdas.assessment.v1`, keyed by \
                    the region code. Roles: `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CycleView.CancellationRequest.class),
            examples = @ExampleObject(name = "invited by mistake", value = "{\"reason\":\"Invited by mistake: the region is in the 2022 cohort already\"}")))
    @APIResponse(responseCode = "200", description = "Cancelled; `ETag` is the invitation's new revision.",
            headers = @Header(name = "ETag", description = "The invitation's new revision."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationViews.View.class),
                    examples = @ExampleObject(name = "cancelled", value = """
                            {"cycleId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10","regionCode":"18.72","regionName":"Kota Metro","regionLevel":"KOTA",\
                            "provinceCode":"18","provinceName":"Lampung","track":"KAB_KOTA","status":"CANCELLED",\
                            "invitedAt":"2022-01-10T02:00:00Z","invitedBy":"ministry","origin":"LIVE","revision":1,\
                            "cancellation":{"at":"2022-01-12T02:00:00Z","by":"ministry","reason":"Invited by mistake: the region is in the 2022 cohort already"}}""")))
    @APIResponse(responseCode = "400", description = "No `reason`, a reason over 2000 characters, or a malformed code or `If-Match`.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not `ministry-admin`.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "The cycle is SELECTED, CLOSED or CANCELLED, or the invitation is DECLINED or CANCELLED; names the state.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = ApiDocs.EXAMPLE_412)))
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "428", description = "If-Match is missing.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = ApiDocs.EXAMPLE_428)))
    public Uni<Response> cancel(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode,
            @Parameter(description = ApiDocs.IF_MATCH, example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @NotNull CycleView.CancellationRequest body) {
        String reason = body.checked();
        Long expected = ETags.revision(ifMatch);
        return invitations.cancel(Caller.of(identity), cycleId, regionCode, expected, reason)
                .map(i -> Response.ok(InvitationViews.View.of(i)).tag(ETags.of(i.revision)).build());
    }
}
