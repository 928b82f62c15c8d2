package id.kotacerdas.region;

import static id.kotacerdas.region.ProgrammeEvents.invited;
import static id.kotacerdas.region.ProgrammeEvents.localCommitment;
import static id.kotacerdas.region.ProgrammeEvents.masterplanOpened;
import static id.kotacerdas.region.ProgrammeEvents.mouDrafted;
import static id.kotacerdas.region.ProgrammeEvents.mouSigned;
import static id.kotacerdas.region.ProgrammeEvents.scored;
import static id.kotacerdas.region.ProgrammeEvents.selected;
import static id.kotacerdas.region.ProgrammeEvents.submitted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What each caller sees of a region in region-service's projections (timeline, its stage, the dossier's MoUs and
 * facts, the region list's stage and programme-year filters): exactly what the owning services show that caller of
 * the same facts, as their producers state it on each event (ce_visibility) — a matrix of role × own/other region ×
 * kind of entry, before and after the owner publishes (a score becomes public when the selection is confirmed).
 * <p>
 * The owners' rules: assessment-service shows invitations, self-assessments and unconfirmed scores to staff and the
 * region's own officers; agreement-service shows MoU drafts and local commitments to staff and the region's own
 * officers, and signed MoUs also to integrators; masterplans, confirmed selections and evaluations are shown to all.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class ProjectionVisibilityTest {

    /** Kabupaten Tapin (Kalimantan Selatan): no other test of the module tells its story. */
    static final String CODE = "63.05";

    static final Map<String, String> CALLERS = new LinkedHashMap<>();
    static {
        CALLERS.put("ministry", Tokens.forUser("ministry", "ministry-admin"));
        CALLERS.put("assessor", Tokens.forUser("assessor", "assessor"));
        CALLERS.put("auditor", Tokens.forUser("auditor", "auditor"));
        CALLERS.put("own officer", Tokens.forRegionOfficer("officer-tapin", CODE));
        CALLERS.put("integrator", Tokens.forUser("integrator", "integrator"));
        CALLERS.put("other officer", Tokens.forRegionOfficer("officer-metro", "18.72"));
    }

    static final List<String> SEES_ALL = List.of("ministry", "assessor", "auditor", "own officer");

    static JsonPath timeline(String caller) {
        return given().auth().oauth2(CALLERS.get(caller)).queryParam("size", 100)
                .get("/api/v1/regions/{code}/timeline", CODE).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath dossier(String caller) {
        return given().auth().oauth2(CALLERS.get(caller)).get("/api/v1/regions/{code}/dossier", CODE)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Whether the region is in the list of regions at this stage (and of this programme year), as the caller sees it. */
    static boolean listed(String caller, String stage, Integer year) {
        var request = given().auth().oauth2(CALLERS.get(caller)).queryParam("provinceCode", "63").queryParam("size", 100);
        if (stage != null) {
            request = request.queryParam("stage", stage);
        }
        if (year != null) {
            request = request.queryParam("programmeYear", year);
        }
        JsonPath list = request.get("/api/v1/regions").then().statusCode(200).extract().jsonPath();
        return list.getList("items.code").contains(CODE);
    }

    static void expect(String caller, List<String> kinds, String stage) {
        JsonPath t = timeline(caller);
        assertThat(t.getList("items.kind", String.class)).as("%s's timeline", caller).containsExactlyElementsOf(kinds);
        assertThat(t.getInt("total")).as("%s's total", caller).isEqualTo(kinds.size());
        assertThat(t.getString("programme.stage")).as("%s's stage", caller).isEqualTo(stage);
        JsonPath d = dossier(caller);
        assertThat(d.getList("timeline.kind", String.class)).as("%s's dossier timeline", caller).containsExactlyElementsOf(kinds);
        assertThat(d.getString("programme.stage")).as("%s's dossier stage", caller).isEqualTo(stage);
        assertThat(listed(caller, stage, null)).as("%s lists it at %s", caller, stage).isTrue();
    }

    @Test
    void eachCallerSeesInTheProjectionsWhatTheOwnersShowIt() {
        UUID cycle = UUID.randomUUID();
        UUID mou = UUID.randomUUID();
        UUID draftOnly = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        String name = "Kabupaten Tapin";

        // 1. assessed, not yet confirmed: staff and the region's own officers only
        ProgrammeTimelineTest.publish(List.of(invited(CODE, name, cycle, 2031, "2030-03-01T02:00:00Z"),
                submitted(CODE, name, cycle, "2030-03-20T05:00:00Z"),
                scored(CODE, name, cycle, 64.5, 2, "2030-04-05T03:00:00Z")));
        List<String> assessed = List.of("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED");
        for (String caller : SEES_ALL) {
            expect(caller, assessed, "ASSESSED");
            assertThat(timeline(caller).getDouble("items.find { it.kind == 'SCORED' }.facts.score")).isEqualTo(64.5);
        }
        for (String caller : List.of("integrator", "other officer")) {
            expect(caller, List.of(), "NOT_IN_PROGRAMME");
            assertThat(listed(caller, "ASSESSED", null)).as("%s must not learn the unpublished assessment", caller).isFalse();
            assertThat(listed(caller, "INVITED", null)).isFalse();
        }

        // 2. the selection is confirmed: the selection and the score are public from now on
        ProgrammeTimelineTest.publish(List.of(selected(CODE, name, cycle, 2031, 4, "2030-06-01T02:00:00Z")));
        for (String caller : SEES_ALL) {
            expect(caller, List.of("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED", "SELECTED"), "SELECTED");
        }
        for (String caller : List.of("integrator", "other officer")) {
            expect(caller, List.of("SCORED", "SELECTED"), "SELECTED");
            assertThat(listed(caller, null, 2031)).as("%s sees the programme year of a confirmed selection", caller).isTrue();
        }

        // 3. MoU drafted and signed, local commitment, masterplan work; a second MoU only drafted
        ProgrammeTimelineTest.publish(List.of(mouDrafted(CODE, mou, 2031, "2030-06-01T02:00:05Z"),
                mouSigned(CODE, mou, 2031, "2030-09-01", true, "2030-09-01T08:00:00Z"),
                masterplanOpened(CODE, plan, 2031, "GUIDED", "2030-09-01", "2030-09-01T08:00:01Z"),
                localCommitment(CODE, "2030-10-01", "2030-10-01T08:00:00Z"),
                mouDrafted(CODE, draftOnly, 2032, "2030-11-01T02:00:00Z")));
        List<String> all = List.of("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED", "SELECTED", "MOU_DRAFTED", "MOU_SIGNED",
                "MASTERPLAN_OPENED", "LOCAL_COMMITMENT_SIGNED", "MOU_DRAFTED");
        for (String caller : SEES_ALL) {
            // the stage is about the latest programme year the caller can see: 2032, drafted (a draft implies selection)
            expect(caller, all, "SELECTED");
            assertThat(dossier(caller).getList("mous.mouId")).as("%s's MoUs", caller)
                    .containsExactlyInAnyOrder(mou.toString(), draftOnly.toString());
            assertThat(listed(caller, null, 2032)).as("%s sees the drafted year", caller).isTrue();
        }
        // integrators: signed MoUs, never drafts (agreement-service answers them 404), nor local commitments (403)
        // 2032 is not theirs to see: their stage is 2031's
        expect("integrator", List.of("SCORED", "SELECTED", "MOU_SIGNED", "MASTERPLAN_OPENED"), "MOU_SIGNED");
        assertThat(dossier("integrator").getList("mous.mouId")).containsExactly(mou.toString());
        JsonPath signed = timeline("integrator");
        assertThat(signed.getString("items.find { it.kind == 'MOU_SIGNED' }.facts.mouId")).isEqualTo(mou.toString());
        // another region's officer: no MoU of this region at all (agreement-service answers 403), its stage from public
        // facts only (no signing among them)
        expect("other officer", List.of("SCORED", "SELECTED", "MASTERPLAN_OPENED"), "SELECTED");
        assertThat(dossier("other officer").getList("mous")).isEmpty();
        assertThat(listed("integrator", null, 2032)).as("a year only drafted is not the integrator's to see").isFalse();
        assertThat(listed("other officer", null, 2032)).isFalse();
    }
}
