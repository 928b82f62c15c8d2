package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.platform.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import id.kotacerdas.assessment.service.ScoringService;

/** A region's score with its breakdown per criterion and the spread of its assessors. */
@Path("/api/v1/assessment-cycles/{cycleId}/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RegionScoreResource {

    @Inject
    ScoringService scoring;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{regionCode}")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRegionScore", summary = "A region's score, explained",
            description = """
                    The region's score (0–100) computed from all its assessors' sheets: per criterion (and \
                    sub-dimension) its score and contribution, per indicator the mean, lowest, highest and spread of \
                    the assessors' scores. From INTERVIEWS on. Assessors' names and notes are shown to staff only. \
                    Roles: `ministry-admin`, `assessor`, `auditor`; `region-officer` for their own region, and for any \
                    region once results are published; `integrator` once results are published.""")
    @APIResponse(responseCode = "200", description = "The score.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.RegionView.class)))
    @APIResponse(responseCode = "400", description = "A malformed code.")
    @APIResponse(responseCode = "404", description = "No such cycle, or the region is not invited.")
    @APIResponse(responseCode = "409", description = "The cycle has no scores yet (names its state).")
    public Uni<ScoreViews.RegionView> regionScore(
            @Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId,
            @Parameter(description = "Kemendagri code.", example = "18.72") @PathParam("regionCode")
            @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE) String regionCode) {
        Caller caller = Caller.of(identity);
        boolean staff = caller.hasRole(MINISTRY_ADMIN) || caller.hasRole(ASSESSOR) || caller.hasRole(AUDITOR);
        return scoring.regionScore(caller, cycleId, regionCode).map(r -> ScoreViews.RegionView.of(cycleId,
                r.invitation().regionCode, r.invitation().regionName, r.invitation().track, r.score(), staff));
    }
}
