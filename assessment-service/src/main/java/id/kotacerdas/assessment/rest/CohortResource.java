package id.kotacerdas.assessment.rest;

import static id.kotacerdas.platform.security.Caller.ASSESSOR;
import static id.kotacerdas.platform.security.Caller.AUDITOR;
import static id.kotacerdas.platform.security.Caller.INTEGRATOR;
import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;
import static id.kotacerdas.platform.security.Caller.REGION_OFFICER;

import id.kotacerdas.assessment.service.CohortService;
import id.kotacerdas.platform.web.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The programme's history, published: every cohort (from selections and from the imported history, with the
 * ministry's declared figures) and the programme's statistics, declared beside computed. Read-only; the history is
 * imported at start from the service's reference data.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts")
@SecurityRequirement(name = ApiDocs.SECURITY_SCHEME)
public class CohortResource {

    @Inject
    CohortService cohorts;

    @GET
    @Path("/cohorts")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "listCohorts", summary = "Every cohort of the programme",
            description = """
                    Per programme year and track (KAB_KOTA, PROVINCE): the declared figures (the ministry's size and \
                    repeats, with the source), the identified members, imported with the source that names them \
                    (2017–2024, partial for 2021–2023) or selected by a confirmed selection of this service, and \
                    whether the list is complete. Unknown members are not invented. Roles: every role.""")
    @APIResponse(responseCode = "200", description = "The cohorts, oldest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.CohortList.class),
                    examples = @ExampleObject(name = "2021", value = """
                            {"items":[{"programmeYear":2021,"track":"KAB_KOTA","declared":{"size":48,"repeats":7,\
                            "sourceUrl":"https://bekasi.tribunnews.com/2022/04/21/...","note":"..."},"identifiedMembers":11,\
                            "complete":false,"members":[{"regionCode":"34.04","regionName":"Kabupaten Sleman",\
                            "regionLevel":"KABUPATEN","source":"IMPORT","sourceUrl":"https://mediacenter.temanggungkab.go.id/...",\
                            "confidence":"confirmed","repeatOfYear":2017}]}]}""")))
    public Uni<CohortViews.CohortList> list() {
        return cohorts.list().map(list -> new CohortViews.CohortList(list.stream().map(CohortViews.ProgrammeCohortView::of).toList()));
    }

    @GET
    @Path("/programme-statistics")
    @RolesAllowed({ MINISTRY_ADMIN, ASSESSOR, REGION_OFFICER, INTEGRATOR, AUDITOR })
    @Operation(operationId = "getProgrammeStatistics", summary = "The programme's statistics, declared and computed",
            description = """
                    Per programme year and track: cohort size, repeats, new participants and cumulative distinct \
                    participants, as declared by the ministry (25 + 50 + 25 + 48 − 7 = 141 by 2021, 191 by 2022) and as \
                    computed from the identified members, with the gap (declared − computed); coverage per province \
                    (share of its autonomous kabupaten/kota, from the region registry, that ever joined). `503` while \
                    the registry replica is incomplete. Roles: every role.""")
    @APIResponse(responseCode = "200", description = "The statistics.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CohortViews.StatisticsView.class),
                    examples = @ExampleObject(name = "2021", value = """
                            {"years":[{"programmeYear":2021,"track":"KAB_KOTA","declared":{"size":48,"repeats":7,\
                            "newParticipants":41,"cumulativeDistinct":141},"computed":{"size":11,"repeats":4,\
                            "newParticipants":7,"cumulativeDistinct":105},"gap":{"size":37,"repeats":3,"newParticipants":34,\
                            "cumulativeDistinct":36},"complete":false,"declaredSource":"https://bekasi.tribunnews.com/..."}],\
                            "coverage":[{"provinceCode":"34","provinceName":"DI Yogyakarta","kabKota":5,"joined":3,\
                            "sharePercent":60.00}],"kabKota":514,"note":"..."}""")))
    @APIResponse(responseCode = "503", description = "The region registry replica is incomplete.",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Uni<CohortViews.StatisticsView> statistics() {
        return cohorts.statistics().map(CohortViews.StatisticsView::of);
    }
}
