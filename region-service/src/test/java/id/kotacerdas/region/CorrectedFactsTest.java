package id.kotacerdas.region;

import static id.kotacerdas.region.ProgrammeEvents.*;
import static id.kotacerdas.region.ProgrammeTimelineTest.AUDITOR;
import static id.kotacerdas.region.ProgrammeTimelineTest.channelOf;
import static id.kotacerdas.region.ProgrammeTimelineTest.publish;
import static id.kotacerdas.region.ProgrammeTimelineTest.timeline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 2 and 3 on region-service's side: facts recorded from their sources (origin, sources, no cycle), and
 * the {@code …Corrected}, {@code …Withdrawn} and {@code …Cancelled} events of the four programme topics, as their
 * producers publish them (hand-built CloudEvents to the shared contract), followed by the timeline, stage and dossier.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class CorrectedFactsTest {

    static final String A = "id.kotacerdas.assessment.";
    static final List<Object> SOURCES = List.of(map("title", "Siaran Pers Kominfo", "url",
            "https://www.kominfo.go.id/berita/siaran-pers", "publishedOn", "2022-06-03"));

    static Map<String, Object> occurred(String date, String precision) {
        return map("date", date, "precision", precision);
    }

    static Map<String, Object> correction(int revision, String reason, Map<String, Object> previous) {
        return map("revision", revision, "reason", reason, "sources", SOURCES, "at", "2026-12-07T10:00:00Z",
                "previous", previous);
    }

    static Map<String, Object> withdrawal(int revision, String reason, String at) {
        return map("revision", revision, "reason", reason, "sources", SOURCES, "at", at);
    }

    /** A recorded assessment's outcome (assessment-service's record path): no cycle, its record id. */
    static Map<String, Object> outcomeData(String code, UUID record, int year, String outcome, String date, String precision) {
        return map("cycleId", null, "recordId", record.toString(), "selectionId", null, "programmeYear", year,
                "assessmentYear", year - 1, "track", "KAB_KOTA", "regionCode", code, "regionName", "Region " + code,
                "provinceCode", code.substring(0, 2), "outcome", outcome, "score", 65.0, "scoreKnown", true, "rank", null,
                "rankKnown", false, "repeat", false, "origin", "RECORDED", "sources", SOURCES,
                "occurred", occurred(date, precision), "recordedAt", "2026-12-07T09:00:00Z");
    }

    static Event recordedOutcome(String code, UUID record, int year, String outcome, String date) {
        return event(ASSESSMENT, A + ("SELECTED".equals(outcome) ? "RegionSelected.v1" : "RegionNotSelected.v1"), code,
                t("2026-12-07T09:00:00Z"), outcomeData(code, record, year, outcome, date, "DAY"));
    }

    static Event outcomeCorrected(String code, UUID record, int year, String outcome, String date, String precision,
            int revision) {
        Map<String, Object> data = outcomeData(code, record, year, outcome, date, precision);
        data.put("correction", correction(revision, "The source was misread", map("outcome", "SELECTED")));
        return event(ASSESSMENT, A + "AssessmentOutcomeCorrected.v1", code, t("2026-12-07T10:0" + revision + ":00Z"), data);
    }

    static Event cohortMember(String code, int year, String track) {
        return event(ASSESSMENT, A + "CohortRecorded.v1", year + "/" + track, t("2026-12-07T08:00:00Z"),
                map("programmeYear", year, "track", track, "members", List.of(map("regionCode", code, "regionName",
                        "Region " + code, "repeatOfYear", null, "confidence", "confirmed", "sourceUrl", "https://example.org/c")),
                        "origin", "RECORDED", "sources", SOURCES, "recordedAt", "2026-12-07T08:00:00Z"));
    }

    static Event withdrawn(String topic, String type, String key, String at, Map<String, Object> identity, int revision) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(identity);
        data.put("withdrawal", withdrawal(revision, "Recorded for the wrong region", at));
        return event(topic, type, key, t(at), data);
    }

    static JsonPath timelineWithWithdrawn(String code) {
        return given().auth().oauth2(AUDITOR).queryParam("size", 100).queryParam("includeWithdrawn", true)
                .get("/api/v1/regions/{code}/timeline", code).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath dossier(String code) {
        return given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/dossier", code).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void recordedFactsShowTheirOriginAndSourcesAndNeedNoCycle() {
        String code = "73.01";
        UUID record = UUID.randomUUID();
        Map<String, Object> invitedData = map("cycleId", null, "recordId", record.toString(), "programmeYear", 2022,
                "assessmentYear", 2021, "regionCode", code, "track", "KAB_KOTA", "origin", "RECORDED", "sources", SOURCES,
                "occurred", occurred("2022-03", "MONTH"));
        Map<String, Object> scoredData = map("cycleId", null, "recordId", record.toString(), "regionCode", code,
                "track", "KAB_KOTA", "score", 65.0, "origin", "RECORDED", "sources", SOURCES,
                "occurred", occurred("2022-05", "MONTH"));
        Map<String, Object> letterData = map("letterId", UUID.randomUUID().toString(), "number", "B-349/DJAI/AI.01.02/06/2022",
                "date", "2022-06-03", "cycleId", null, "selectionId", null, "programmeYear", 2022, "recorded", true,
                "regions", List.of(map("regionCode", code, "track", "KAB_KOTA")), "origin", "RECORDED", "sources", SOURCES,
                "occurred", occurred("2022-06-03", "DAY"));
        List<Event> events = List.of(
                event(ASSESSMENT, A + "RegionInvited.v1", code, t("2026-12-07T09:00:00Z"), invitedData),
                event(ASSESSMENT, A + "SelfAssessmentSubmitted.v1", code, t("2026-12-07T09:00:01Z"),
                        map("cycleId", null, "recordId", record.toString(), "regionCode", code, "origin", "RECORDED",
                                "sources", SOURCES, "occurred", occurred("2022", "YEAR"))),
                event(ASSESSMENT, A + "RegionScored.v1", code, t("2026-12-07T09:00:02Z"), scoredData),
                recordedOutcome(code, record, 2022, "SELECTED", "2022-06-03"),
                event(ASSESSMENT, A + "ResultLetterIssued.v1", code, t("2026-12-07T09:00:03Z"), letterData),
                ProgrammeTimelineTest.withOccurred(mouSigned(code, UUID.randomUUID(), 2022, "2022-09-01", false,
                        "2026-12-07T09:00:04Z"), occurred("2022-09-01", "DAY")));
        publish(events);

        JsonPath t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactly("SELF_ASSESSMENT_SUBMITTED", "INVITED", "SCORED",
                "SELECTED", "RESULT_LETTER", "MOU_SIGNED");
        assertThat(t.getList("items.origin", String.class)).containsExactly("RECORDED", "RECORDED", "RECORDED", "RECORDED",
                "RECORDED", "LIVE");
        assertThat(t.getString("items.find { it.kind == 'SELECTED' }.sources[0].url"))
                .isEqualTo("https://www.kominfo.go.id/berita/siaran-pers");
        assertThat(t.getString("items.find { it.kind == 'SELECTED' }.occurredOn")).isEqualTo("2022-06-03");
        assertThat(t.getString("items.find { it.kind == 'SELECTED' }.facts.recordId")).isEqualTo(record.toString());
        assertThat(t.getString("items.find { it.kind == 'SELECTED' }.facts.cycleId")).isNull();
        assertThat(t.getInt("items.find { it.kind == 'SELECTED' }.revision")).isEqualTo(1);
        assertThat(t.getString("programme.stage")).isEqualTo("MOU_SIGNED");
        assertThat(t.getInt("programme.stageProgrammeYear")).isEqualTo(2022);

        JsonPath d = dossier(code);
        assertThat(d.getString("timeline.find { it.kind == 'RESULT_LETTER' }.origin")).isEqualTo("RECORDED");
        assertThat(d.getString("timeline.find { it.kind == 'RESULT_LETTER' }.sources[0].title")).isEqualTo("Siaran Pers Kominfo");
    }

    @Test
    void aCorrectionReplacesTheEntryInPlaceReDatesItAndTheStageFollows() {
        String code = "73.02";
        UUID record = UUID.randomUUID();
        publish(List.of(recordedOutcome(code, record, 2022, "SELECTED", "2022-06-03")));
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("SELECTED");

        publish(List.of(outcomeCorrected(code, record, 2022, "NOT_SELECTED", "2022-07", "MONTH", 2)));
        JsonPath t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactly("NOT_SELECTED");
        assertThat(t.getString("items[0].occurredOn")).isEqualTo("2022-07-01");
        assertThat(t.getString("items[0].datePrecision")).isEqualTo("MONTH");
        assertThat(t.getInt("items[0].revision")).isEqualTo(2);
        assertThat(t.getInt("items[0].corrected.revision")).isEqualTo(2);
        assertThat(t.getString("items[0].corrected.reason")).isEqualTo("The source was misread");
        assertThat(t.getString("items[0].corrected.previous.outcome")).isEqualTo("SELECTED");
        assertThat(t.getString("items[0].corrected.sources[0].url")).startsWith("https://");
        assertThat(t.getString("items[0].origin")).isEqualTo("RECORDED");
        assertThat(t.getString("programme.stage")).isEqualTo("NOT_SELECTED");

        // revision 3 puts it back; a late revision 2 (lower than the entry's) is ignored
        publish(List.of(outcomeCorrected(code, record, 2022, "SELECTED", "2022-06-10", "DAY", 3),
                outcomeCorrected(code, record, 2022, "NOT_SELECTED", "2022-08", "MONTH", 2)));
        t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactly("SELECTED");
        assertThat(t.getString("items[0].occurredOn")).isEqualTo("2022-06-10");
        assertThat(t.getInt("items[0].revision")).isEqualTo(3);
        assertThat(t.getString("programme.stage")).isEqualTo("SELECTED");
    }

    @Test
    void aCorrectedRatificationReplacesTheMasterplansRatifiedEntryWhateverItsEvent() {
        String code = "73.03";
        UUID plan = UUID.randomUUID();
        publish(List.of(cohortMember(code, 2021, "KAB_KOTA"), masterplanRatified(code, plan, 2021, "2022-12-01")));
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("MASTERPLAN_RATIFIED");

        Event corrected = event(MASTERPLAN, "id.kotacerdas.masterplan.RatificationCorrected.v1", code,
                t("2026-12-07T10:00:00Z"), map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", 2021,
                        "instrument", "PERBUP", "number", "52", "year", 2022, "date", "2022-11-20", "title",
                        "Masterplan Smart City", "origin", "LIVE", "correction", correction(2, "Number and day mistyped",
                                map("number", "25", "date", "2022-12-01"))));
        publish(List.of(corrected));
        JsonPath t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "MASTERPLAN_RATIFIED");
        assertThat(t.getString("items[1].occurredOn")).isEqualTo("2022-11-20");
        assertThat(t.getString("items[1].summary")).isEqualTo("Masterplan ratified by PERBUP No. 52/2022 (Masterplan Smart City)");
        assertThat(t.getString("items[1].corrected.previous.number")).isEqualTo("25");
        assertThat(dossier(code).getString("masterplans[0].details.ratification.number")).isEqualTo("52");
    }

    @Test
    void aWithdrawnFactLeavesTheStageTheDossierAndTheDefaultReadsAndARepeatChangesNothing() {
        String code = "73.04";
        UUID evaluation = UUID.randomUUID();
        publish(List.of(cohortMember(code, 2021, "KAB_KOTA"),
                evaluationPublished(code, evaluation, 2022, 3.1, 40, "2022-12-05T03:00:00Z")));
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("EVALUATED");

        Event withdraw = withdrawn(EVALUATION, A + "EvaluationWithdrawn.v1", code, "2026-12-07T10:00:00Z",
                map("evaluationId", evaluation.toString(), "regionCode", code, "year", 2022), 2);
        publish(List.of(withdraw));
        JsonPath t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED");
        assertThat(t.getInt("total")).isEqualTo(1);
        assertThat(t.getString("programme.stage")).as("falls back to the cohort's selection").isEqualTo("SELECTED");
        JsonPath all = timelineWithWithdrawn(code);
        assertThat(all.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "EVALUATED");
        assertThat(all.getString("items[1].withdrawn.reason")).isEqualTo("Recorded for the wrong region");
        assertThat(all.getString("items[1].withdrawn.at")).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(all.getString("programme.stage")).isEqualTo("SELECTED");
        JsonPath d = dossier(code);
        assertThat(d.getList("timeline.kind", String.class)).containsExactly("COHORT_RECORDED");
        assertThat(d.getList("evaluations")).isEmpty();
        assertThat(d.getString("programme.stage")).isEqualTo("SELECTED");

        // the same event redelivered, and the withdrawal stated again: nothing changes (the first withdrawal stays)
        Event again = withdrawn(EVALUATION, A + "EvaluationWithdrawn.v1", code, "2026-12-07T11:00:00Z",
                map("evaluationId", evaluation.toString(), "regionCode", code, "year", 2022), 3);
        send(withdraw.again());
        publish(List.of(again));
        assertThat(timelineWithWithdrawn(code).getString("items[1].withdrawn.at")).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("SELECTED");

        // the cohort member withdrawn too: not in the programme any more
        publish(List.of(withdrawn(ASSESSMENT, A + "CohortMemberWithdrawn.v1", "2021/KAB_KOTA", "2026-12-07T12:00:00Z",
                map("programmeYear", 2021, "track", "KAB_KOTA", "regionCode", code), 2)));
        t = timeline(code);
        assertThat(t.getList("items")).isEmpty();
        assertThat(t.getString("programme.stage")).isEqualTo("NOT_IN_PROGRAMME");
        assertThat(timelineWithWithdrawn(code).getList("items.withdrawn.reason", String.class)).hasSize(2);
    }

    @Test
    void aCancelledCycleMarksTheEntriesOfEveryRegionOfItAndACancelledInvitationThoseOfOneRegion() {
        UUID cycle = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publish(List.of(invited("73.05", "Region 73.05", cycle, 2025, "2024-03-01T02:00:00Z"),
                invited("73.06", "Region 73.06", cycle, 2025, "2024-03-01T02:00:00Z"),
                submitted("73.06", "Region 73.06", cycle, "2024-03-20T02:00:00Z"),
                invited("73.07", "Region 73.07", other, 2025, "2024-03-02T02:00:00Z")));
        assertThat(timeline("73.06").getString("programme.stage")).isEqualTo("ASSESSED");

        publish(List.of(event(ASSESSMENT, A + "AssessmentCycleCancelled.v1", cycle.toString(), t("2024-04-01T02:00:00Z"),
                        map("cycleId", cycle.toString(), "assessmentYear", 2024, "programmeYear", 2025, "state", "CANCELLED",
                                "reason", "Opened twice", "cancelledAt", "2024-04-01T02:00:00Z")),
                event(ASSESSMENT, A + "InvitationCancelled.v1", "73.07", t("2024-04-02T02:00:00Z"),
                        map("cycleId", other.toString(), "regionCode", "73.07", "reason", "Invited by mistake",
                                "cancelledAt", "2024-04-02T02:00:00Z"))));
        for (String code : List.of("73.05", "73.06", "73.07")) {
            JsonPath t = timeline(code);
            assertThat(t.getList("items")).as(code).isEmpty();
            assertThat(t.getString("programme.stage")).as(code).isEqualTo("NOT_IN_PROGRAMME");
        }
        JsonPath all = timelineWithWithdrawn("73.06");
        assertThat(all.getList("items.kind", String.class)).containsExactly("INVITED", "SELF_ASSESSMENT_SUBMITTED");
        assertThat(all.getList("items.cancelled.reason", String.class)).containsOnly("Opened twice");
        assertThat(all.getString("items[0].cancelled.cycleId")).isEqualTo(cycle.toString());
        assertThat(timelineWithWithdrawn("73.07").getString("items[0].cancelled.reason")).isEqualTo("Invited by mistake");

        // a cancellation applied before an entry of its cycle (keyed by the cycle, not the region: another partition,
        // or a replay): the entry is marked as it is stored
        UUID early = UUID.randomUUID();
        publish(List.of(event(ASSESSMENT, A + "AssessmentCycleCancelled.v1", early.toString(), t("2024-04-01T02:00:00Z"),
                map("cycleId", early.toString(), "reason", "Cancelled first"))));
        publish(List.of(invited("73.09", "Region 73.09", early, 2025, "2024-03-01T02:00:00Z")));
        assertThat(timeline("73.09").getList("items")).isEmpty();
        assertThat(timeline("73.09").getString("programme.stage")).isEqualTo("NOT_IN_PROGRAMME");
        assertThat(timelineWithWithdrawn("73.09").getString("items[0].cancelled.reason")).isEqualTo("Cancelled first");
    }

    /**
     * An evaluation cycle's cancellation is keyed by the cycle, a publication by the region: the publication may
     * arrive second. Its dossier evaluation is then marked cancelled as it is stored, as its timeline entry is, and a
     * later correction of it keeps the mark.
     */
    @Test
    void anEvaluationOfACycleCancelledBeforeItArrivedLeavesTheDossier() {
        String code = "73.10";
        UUID cycle = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        String at = "2024-11-01T02:00:00Z";
        publish(List.of(event(EVALUATION, A + "EvaluationCycleCancelled.v1", cycle.toString(), t(at),
                map("cycleId", cycle.toString(), "year", 2024, "cancellation", map("reason", "Opened twice", "at", at)))));
        Map<String, Object> published = map("evaluationId", evaluation.toString(), "cycleId", cycle.toString(),
                "year", 2024, "regionCode", code, "source", "SCORED", "index", 3.1, "nationalRank", 7,
                "publishedAt", "2024-12-01T02:00:00Z");
        publish(List.of(event(EVALUATION, A + "EvaluationPublished.v1", code, t("2024-12-01T02:00:00Z"), published)));
        assertThat(dossier(code).getList("evaluations")).isEmpty();
        assertThat(timeline(code).getList("items")).isEmpty();
        assertThat(timelineWithWithdrawn(code).getString("items[0].cancelled.reason")).isEqualTo("Opened twice");

        Map<String, Object> corrected = new java.util.LinkedHashMap<>(published);
        corrected.put("index", 3.2);
        corrected.put("correction", correction(2, "Index mistyped", map("index", 3.1)));
        publish(List.of(event(EVALUATION, A + "EvaluationCorrected.v1", code, t("2024-12-02T02:00:00Z"), corrected)));
        assertThat(dossier(code).getList("evaluations")).isEmpty();
    }

    /** Every type of the contract's list, each with a payload its producer may send: all applied, none dead-lettered. */
    @Test
    void everyNewTypeOfTheFourTopicsIsRoutedAndNoneIsDeadLettered() {
        String code = "73.08";
        UUID record = UUID.randomUUID();
        UUID letter = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        UUID mou = UUID.randomUUID();
        UUID commitment = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        String at = "2026-12-07T10:00:00Z";
        Map<String, Object> letterData = map("letterId", letter.toString(), "number", "B-1/2022", "date", "2022-06-03",
                "cycleId", null, "programmeYear", 2022, "recorded", true, "regions", List.of(map("regionCode", code,
                        "track", "KAB_KOTA")), "origin", "RECORDED", "sources", SOURCES,
                "correction", correction(2, "Date mistyped", map("date", "2022-06-30")));
        Map<String, Object> evaluationData = map("evaluationId", evaluation.toString(), "cycleId", null, "year", 2022,
                "regionCode", code, "source", "RECORDED", "index", 3.2, "nationalRank", 12, "publishedAt", at,
                "origin", "RECORDED", "sources", SOURCES, "correction", correction(2, "Index mistyped", map("index", 2.3)));
        Map<String, Object> mouData = map("mouId", mou.toString(), "regionCode", code, "programmeYear", 2022,
                "signedOn", "2022-09-01", "number", null, "numberKnown", false, "origin", "RECORDED", "sources", SOURCES,
                "occurred", occurred("2022-09-01", "DAY"), "correction", correction(2, "Day mistyped",
                        map("signedOn", "2022-09-10")));
        Map<String, Object> commitmentData = map("commitmentId", commitment.toString(), "regionCode", code, "mouId", null,
                "signedOn", "2022-09-22", "venue", "Aula Bappeda", "opds", List.of(map("name", "Dinas Kominfo")),
                "recordedAt", at, "correction", correction(2, "Venue mistyped", map("venue", "Aula")));
        Map<String, Object> ratificationData = map("masterplanId", plan.toString(), "regionCode", code, "programmeYear", null,
                "selfMade", true, "instrument", null, "number", null, "year", null, "date", null, "origin", "RECORDED",
                "sources", SOURCES, "occurred", occurred("2019", "YEAR"), "recordedAt", at,
                "correction", correction(2, "Year known", map("occurred", null)));
        List<Event> events = new ArrayList<>(List.of(
                outcomeCorrected(code, record, 2022, "SELECTED", "2022-06-03", "DAY", 2),
                withdrawn(ASSESSMENT, A + "AssessmentOutcomeWithdrawn.v1", code, at, map("recordId", record.toString(),
                        "regionCode", code, "programmeYear", 2022, "track", "KAB_KOTA"), 3),
                event(ASSESSMENT, A + "CohortMemberCorrected.v1", "2020/KAB_KOTA", t(at), map("programmeYear", 2020,
                        "track", "KAB_KOTA", "regionCode", code, "regionName", "Region " + code, "repeatOfYear", null,
                        "origin", "RECORDED", "sources", SOURCES, "correction", correction(2, "Wrong year",
                                map("programmeYear", 2019)))),
                withdrawn(ASSESSMENT, A + "CohortMemberWithdrawn.v1", "2020/KAB_KOTA", at, map("programmeYear", 2020,
                        "track", "KAB_KOTA", "regionCode", code), 3),
                event(ASSESSMENT, A + "ResultLetterCorrected.v1", letter.toString(), t(at), letterData),
                withdrawn(ASSESSMENT, A + "ResultLetterWithdrawn.v1", letter.toString(), at, map("letterId",
                        letter.toString(), "number", "B-1/2022", "programmeYear", 2022, "regions",
                        List.of(map("regionCode", code, "track", "KAB_KOTA"))), 3),
                event(ASSESSMENT, A + "AssessmentCycleCancelled.v1", UUID.randomUUID().toString(), t(at),
                        map("cycleId", UUID.randomUUID().toString(), "cancellation", map("reason", "Stuck", "at", at))),
                event(ASSESSMENT, A + "InvitationCancelled.v1", code, t(at), map("cycleId", UUID.randomUUID().toString(),
                        "invitationId", UUID.randomUUID().toString(), "regionCode", code, "reason", "Stuck")),
                event(EVALUATION, A + "EvaluationCorrected.v1", code, t(at), evaluationData),
                withdrawn(EVALUATION, A + "EvaluationWithdrawn.v1", code, at, map("evaluationId", evaluation.toString(),
                        "regionCode", code, "year", 2022), 3),
                event(EVALUATION, A + "EvaluationCycleCancelled.v1", UUID.randomUUID().toString(), t(at),
                        map("cycleId", UUID.randomUUID().toString(), "year", 2023, "reason", "Opened by mistake")),
                event(AGREEMENT, "id.kotacerdas.agreement.MouRecordCorrected.v1", code, t(at), mouData),
                withdrawn(AGREEMENT, "id.kotacerdas.agreement.MouRecordWithdrawn.v1", code, at, map("mouId", mou.toString(),
                        "regionCode", code, "programmeYear", 2022), 3),
                event(AGREEMENT, "id.kotacerdas.agreement.LocalCommitmentCorrected.v1", code, t(at), commitmentData),
                withdrawn(AGREEMENT, "id.kotacerdas.agreement.LocalCommitmentWithdrawn.v1", code, at, map("commitmentId",
                        commitment.toString(), "regionCode", code), 3),
                event(MASTERPLAN, "id.kotacerdas.masterplan.RatificationCorrected.v1", code, t(at), ratificationData),
                withdrawn(MASTERPLAN, "id.kotacerdas.masterplan.RatificationWithdrawn.v1", code, at, map("masterplanId",
                        plan.toString(), "regionCode", code, "programmeYear", null), 3)));
        send(events.toArray(Event[]::new));
        await().atMost(ProgrammeTimelineTest.WAIT).untilAsserted(() -> assertThat(events.stream()
                .filter(e -> !processed(channelOf(e), e.id())).map(e -> e.record().headers().lastHeader("ce_type"))
                .map(h -> new String(h.value())).toList()).isEmpty());

        // each correction arrived before a fact it could replace: it stands as the fact; each withdrawal then marked it
        JsonPath all = timelineWithWithdrawn(code);
        assertThat(all.getList("items.kind", String.class)).containsExactlyInAnyOrder("SELECTED", "COHORT_RECORDED",
                "RESULT_LETTER", "EVALUATED", "MOU_SIGNED", "LOCAL_COMMITMENT_SIGNED", "MASTERPLAN_RATIFIED");
        assertThat(all.getList("items.withdrawn.revision", Integer.class)).containsOnly(3);
        assertThat(timeline(code).getList("items")).isEmpty();
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("NOT_IN_PROGRAMME");
        JsonPath d = dossier(code);
        assertThat(d.getList("evaluations")).isEmpty();
        assertThat(d.getList("mous")).isEmpty();
    }
}
