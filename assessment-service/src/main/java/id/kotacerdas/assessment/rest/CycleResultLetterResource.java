package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import id.kotacerdas.assessment.service.ResultLetterService;
import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.idempotency.IdempotentResult;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
 * Issuing or recording the result letter of a cycle's confirmed selection (the ministry). A class of its own: the
 * path lies under {@code /assessment-cycles/{cycleId}}, and JAX-RS picks the root resource by the longest path.
 */
@Idempotent
@Path("/api/v1/assessment-cycles/{cycleId}/result-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Result letters")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class CycleResultLetterResource {

    @Inject
    ResultLetterService letters;

    @Inject
    IdempotentCreates creates;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(MINISTRY_ADMIN)
    @Operation(operationId = "issueResultLetter", summary = "Issue or record a result letter",
            description = """
                    A "Penyampaian Hasil Asesmen" letter of the Direktur Jenderal Aplikasi Informatika listing the \
                    selected regions of the cycle's confirmed selection (`409` before it is confirmed). Without \
                    `number` the letter gets the next number of its date's year, B-{n}/DJAI/AI.01.02/{MM}/{YYYY}, taken \
                    in the same transaction under a lock; with `number` it is recorded with its existing number, whose \
                    MM/YYYY must be the date's (`422`) and which must not be in use (`409`); numbers are never reused. \
                    Publishes `ResultLetterIssued`. Send an `Idempotency-Key` so that a retry issues nothing twice. \
                    Audited. The letter's `issuedOn` (formerly `date`) is the act's date: not in the future, not before 2017, and not before \
                    the selection when the selection was confirmed with an `occurred` (`400` naming `issuedOn`); a letter \
                    dated before the day it is recorded is published with `occurred` (that day, DAY). Roles: \
                    `ministry-admin`.""")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ResultLetterViews.LetterRequest.class), examples = {
                    @ExampleObject(name = "record an existing letter", value = "{\"issuedOn\":\"2022-06-03\",\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}"),
                    @ExampleObject(name = "issue the next number", value = "{\"issuedOn\":\"2023-05-31\"}") }))
    @APIResponse(responseCode = "201", description = "Issued; `Location` is the letter.",
            headers = { @Header(name = "Location", description = "URI of the letter."),
                    @Header(name = "Idempotent-Replayed", description = "`true` when this is the stored answer to an earlier request with the same key.") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultLetterViews.LetterView.class),
                    examples = @ExampleObject(name = "B-349", value = ResultLetterResource.LETTER_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed body: no `issuedOn`, or a number not in the format; an `issuedOn` in the future, before 2017 or before the (dated) selection.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "letter before selection", value = """
                            {"type":"https://kotacerdas.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"issuedOn: lies before the selection (2022-05-20)",\
                            "violations":[{"field":"issuedOn","message":"lies before the selection (2022-05-20)"}]}""")))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "No confirmed selection yet (names the cycle's state), or the number is in use.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.")
    @APIResponse(responseCode = "422", description = "The number's MM/YYYY are not `issuedOn`'s; a reused Idempotency-Key.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "month", value = """
                            {"type":"https://kotacerdas.id/problems/unprocessable","title":"Request cannot be applied","status":422,\
                            "detail":"number: B-349/DJAI/AI.01.02/06/2022 names 06/2022; the letter is dated 2022-07-01",\
                            "violations":[{"field":"number","message":"B-349/DJAI/AI.01.02/06/2022 names 06/2022; the letter is dated 2022-07-01"}]}""")))
    public Uni<Response> issue(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ResultLetterViews.LetterRequest body) {
        Caller caller = Caller.of(identity);
        return creates.create(caller, idempotencyKey, List.of(cycleId, body),
                () -> letters.issue(caller, cycleId, body.issuedOn(), body.number()),
                letter -> new IdempotentResult.Created<>(URI.create("/api/v1/result-letters/" + letter.id), null,
                        ResultLetterViews.LetterView.of(letter)));
    }
}
