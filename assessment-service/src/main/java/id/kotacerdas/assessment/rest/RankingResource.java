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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import id.kotacerdas.assessment.domain.Ranking;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.service.CycleRanking;
import java.util.List;

/** The cycle's ranking per track, explained. */
@Path("/api/v1/assessment-cycles/{cycleId}/ranking")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class RankingResource {

    static final String ENTRY_EXAMPLE = """
            {"rank":1,"regionCode":"18.72","regionName":"Kota Metro","provinceCode":"18","score":72.50,"assessorCount":2,\
            "complete":true,"criteria":[{"code":"K1","name":"Regional readiness","weight":20,"score":75.00,"contribution":15.00,"subDimensions":[]}]}""";

    @Inject
    CycleRanking rankings;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getRanking", summary = "The cycle's ranking, explained",
            description = """
                    Every scored region per track (KAB_KOTA, PROVINCE), computed from the framework on each read: rank, \
                    score and the breakdown per criterion; `rule` states the formula, the rounding (once, at the end, \
                    2 decimals half up) and the tie rule (criteria from the highest weight down, then the lower \
                    Kemendagri code); `tieBreak` says what decided a tie. From INTERVIEWS on. Roles: \
                    `ministry-admin`, `assessor`, `auditor`; `integrator` and `region-officer` once results are \
                    published (SELECTED, CLOSED).""")
    @APIResponse(responseCode = "200", description = "The ranking.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreViews.RankingView.class),
                    examples = @ExampleObject(name = "one region", value = "{\"cycleId\":\"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10\","
                            + "\"frameworkCode\":\"kominfo-readiness\",\"frameworkVersion\":2,\"rule\":\"...\",\"kabKota\":["
                            + ENTRY_EXAMPLE + "],\"province\":[],\"unscored\":[]}")))
    @APIResponse(responseCode = "404", description = "No such cycle.")
    @APIResponse(responseCode = "409", description = "The cycle has no scores yet (names its state).")
    public Uni<ScoreViews.RankingView> ranking(@Parameter(description = "Cycle id.") @PathParam("cycleId") UUID cycleId) {
        return rankings.read(Caller.of(identity), cycleId).map(c -> new ScoreViews.RankingView(cycleId,
                c.cycle().cycle().frameworkCode, c.cycle().cycle().frameworkVersion, ScoreViews.RULE,
                entries(c.ranking().get(Track.KAB_KOTA)), entries(c.ranking().get(Track.PROVINCE)),
                c.unscored().stream().map(i -> i.regionCode).toList()));
    }

    private static List<ScoreViews.EntryView> entries(List<Ranking.Entry> entries) {
        return entries.stream().map(ScoreViews.EntryView::of).toList();
    }
}
