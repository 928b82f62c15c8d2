package id.kotacerdas.region;

import static id.kotacerdas.region.ProgrammeEvents.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The programme timeline, stage and dossier region-service keeps from the assessment, agreement, masterplan and
 * evaluation topics: raw CloudEvents as the producers publish them, consumed through the platform inbox.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class ProgrammeTimelineTest {

    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String OFFICER = Tokens.forRegionOfficer("officer-metro", "18.72");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> CHANNELS = List.of("assessment-events", "agreement-events", "masterplan-events",
            "evaluation-events");

    static String channelOf(Event e) {
        return switch (e.record().topic()) {
            case ASSESSMENT -> "assessment-events";
            case AGREEMENT -> "agreement-events";
            case MASTERPLAN -> "masterplan-events";
            default -> "evaluation-events";
        };
    }

    /** Publishes the events (in this order) and waits until their consumers have applied every one. */
    static void publish(List<Event> events) {
        send(events.toArray(Event[]::new));
        await().atMost(WAIT).until(() -> events.stream().allMatch(e -> processed(channelOf(e), e.id())));
    }

    static JsonPath timeline(String code) {
        return given().auth().oauth2(AUDITOR).queryParam("size", 100).get("/api/v1/regions/{code}/timeline", code)
                .then().statusCode(200).header("Cache-Control", containsString("no-cache")).extract().jsonPath();
    }

    /** A whole programme story of one region, from assessment to evaluation. */
    static List<Event> story(String code, UUID cycle, UUID mou, UUID plan, UUID evaluation) {
        String name = "Region " + code;
        return List.of(
                invited(code, name, cycle, 2022, "2021-03-01T02:00:00Z"),
                submitted(code, name, cycle, "2021-03-20T05:00:00Z"),
                scored(code, name, cycle, 70.5, 1, "2021-04-05T03:00:00Z"),
                scored(code, name, cycle, 81.25, 2, "2021-04-06T03:00:00Z"),
                selected(code, name, cycle, 2022, 5, "2021-06-01T02:00:00Z"),
                mouDrafted(code, mou, 2022, "2021-06-01T02:00:05Z"),
                mouScheduled(code, mou, 2022, "2022-04-21", "2022-04-01T02:00:00Z"),
                mouSigned(code, mou, 2022, "2022-04-21", true, "2022-04-21T08:00:00Z"),
                masterplanOpened(code, plan, 2022, "GUIDED", "2022-04-21", "2022-04-21T08:00:01Z"),
                bimtekScheduled(code, plan, 2022, 1, "2022-06-14"),
                bimtekHeld(code, plan, 2022, 1, "2022-06-14", "2022-06-15"),
                bimtekHeld(code, plan, 2022, 2, "2022-07-12", "2022-07-13"),
                bimtekHeld(code, plan, 2022, 3, "2022-08-09", "2022-08-10"),
                bimtekHeld(code, plan, 2022, 4, "2022-09-21", "2022-09-22"),
                localCommitment(code, "2022-09-22", "2022-09-22T08:00:00Z"),
                bimtekCompleted(code, plan, 2022, "2022-09-22"),
                masterplanSubmitted(code, plan, 2022, 1, "2022-10-10T03:00:00Z"),
                revisionRequested(code, plan, 2022, 1, "2022-10-20T03:00:00Z"),
                masterplanSubmitted(code, plan, 2022, 2, "2022-11-01T03:00:00Z"),
                masterplanApproved(code, plan, 2022, 2, "2022-11-15T03:00:00Z"),
                masterplanRatified(code, plan, 2022, "2022-12-01"),
                evaluationCycleOpened("2023-03-01T02:00:00Z"),
                evaluationPublished(code, evaluation, 2023, 3.31, 22, "2023-12-05T03:00:00Z"));
    }

    static final List<String> STORY_KINDS = List.of("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED", "SELECTED",
            "MOU_DRAFTED", "MOU_SCHEDULED", "MOU_SIGNED", "MASTERPLAN_OPENED", "BIMTEK_STAGE_1_HELD", "BIMTEK_STAGE_2_HELD",
            "BIMTEK_STAGE_3_HELD", "BIMTEK_STAGE_4_HELD", "LOCAL_COMMITMENT_SIGNED", "BIMTEK_COMPLETED",
            "MASTERPLAN_SUBMITTED", "MASTERPLAN_REVISION_REQUESTED", "MASTERPLAN_SUBMITTED", "MASTERPLAN_APPROVED",
            "MASTERPLAN_RATIFIED", "EVALUATED");

    @Test
    void aRegionsStoryFromEveryTopicReadsInTheOrderItHappenedWithItsSources() {
        String code = "52.01";
        List<Event> story = story(code, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publish(story);

        JsonPath t = timeline(code);
        assertThat(t.getList("items.kind", String.class)).containsExactlyElementsOf(STORY_KINDS);
        assertThat(t.getString("regionName")).isEqualTo("Kabupaten Lombok Barat");
        assertThat(t.getString("programme.stage")).isEqualTo("EVALUATED");
        assertThat(t.getInt("programme.stageProgrammeYear")).isEqualTo(2022);
        assertThat(t.getList("programme.programmeYears", Integer.class)).containsExactly(2022);
        assertThat(t.getInt("total")).isEqualTo(STORY_KINDS.size());

        Map<String, Object> scoredEntry = t.getMap("items.find { it.kind == 'SCORED' }");
        assertThat(scoredEntry.get("summary")).as("one entry per cycle: the latest score").isEqualTo("Scored 81.25 by 2 assessor(s)");
        Map<String, Object> signed = t.getMap("items.find { it.kind == 'MOU_SIGNED' }");
        assertThat(signed.get("occurredOn")).isEqualTo("2022-04-21");
        assertThat(signed.get("datePrecision")).isEqualTo("DAY");
        assertThat(signed.get("summary")).isEqualTo(
                "MoU for programme year 2022 signed on 2022-04-21 (VIRTUAL); for the region: H. W. Musyafirin, Bupati");
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.facts.mode")).isEqualTo("VIRTUAL");
        Event signedEvent = story.get(7);
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.source.eventId")).isEqualTo(signedEvent.id());
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.source.topic")).isEqualTo(AGREEMENT);
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.source.eventType"))
                .isEqualTo("id.kotacerdas.agreement.MouSigned.v1");
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.source.partition")).isNotNull();
        assertThat(t.getString("items.find { it.kind == 'MOU_SELECTED' }")).isNull();
        assertThat(t.getString("items.find { it.kind == 'SELECTED' }.summary"))
                .isEqualTo("Selected for programme year 2022 (rank 5, score 81.25), a repeat of 2019");
        assertThat(t.getString("items.find { it.kind == 'MASTERPLAN_RATIFIED' }.summary"))
                .isEqualTo("Masterplan ratified by PERBUP No. 25/2022 (Masterplan Smart City)");
        assertThat(t.getString("items.find { it.kind == 'MASTERPLAN_RATIFIED' }.facts.instrument")).isEqualTo("PERBUP");
        assertThat(t.getString("items.find { it.kind == 'BIMTEK_STAGE_2_HELD' }.summary"))
                .isEqualTo("Bimtek stage 2 held 2022-07-12 to 2022-07-13 (OFFLINE) with Fitrah Rahmat Kausar");
        assertThat(t.getString("items.find { it.kind == 'EVALUATED' }.summary"))
                .isEqualTo("Evaluation 2023: index 3.31 (+0.25 on 2022), national rank 22, provincial rank 4;"
                        + " letter B-1003/DJAI/AI.01.04/12/2023");
        assertThat(t.getString("items.find { it.kind == 'EVALUATED' }.occurredAt")).isEqualTo("2023-12-05T03:00:00Z");
        assertThat(t.getString("items.find { it.kind == 'MOU_SCHEDULED' }.facts.plannedOn")).isEqualTo("2022-04-21");
        // paging
        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("page", 1).queryParam("size", 5)
                .get("/api/v1/regions/{code}/timeline", code).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.kind", String.class)).containsExactlyElementsOf(STORY_KINDS.subList(5, 10));
        assertThat(page.getInt("totalPages")).isEqualTo(4);
    }

    @Test
    void eventsArrivingOutOfOrderAcrossTopicsGiveTheSameTimelineAsInOrder() {
        String inOrder = "61.01";
        String reversed = "61.02";
        publish(story(inOrder, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        List<Event> late = new ArrayList<>(story(reversed, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID()));
        // topic by topic, the evaluation and masterplan topics first, the assessment last: MouSigned before
        // RegionSelected; within a topic the order of a region's events is Kafka's (kept)
        List<Event> byTopic = new ArrayList<>();
        for (String topic : List.of(EVALUATION, MASTERPLAN, AGREEMENT, ASSESSMENT)) {
            late.stream().filter(e -> e.record().topic().equals(topic)).forEach(byTopic::add);
        }
        for (Event e : byTopic) {
            publish(List.of(e));
        }
        JsonPath a = timeline(inOrder);
        JsonPath b = timeline(reversed);
        assertThat(readable(b)).isEqualTo(readable(a));
        assertThat(b.getString("programme.stage")).isEqualTo(a.getString("programme.stage")).isEqualTo("EVALUATED");
    }

    /** What a reader sees of each entry: day, kind, summary (ids differ between regions). */
    static List<String> readable(JsonPath t) {
        List<String> rows = new ArrayList<>();
        List<Map<String, Object>> items = t.getList("items");
        for (Map<String, Object> i : items) {
            rows.add(i.get("occurredOn") + " " + i.get("kind") + " " + i.get("summary"));
        }
        return rows;
    }

    @Test
    void historicalFactsLettersAndTheMousEndsAreEntriesAndDecideTheStage() {
        String a = "62.01";
        String b = "62.02";
        String c = "62.03";
        String d = "62.06";
        UUID cycle = UUID.randomUUID();
        UUID mouA = UUID.randomUUID();
        UUID mouB = UUID.randomUUID();
        UUID mouC = UUID.randomUUID();
        publish(List.of(
                cohortRecorded(2019, "2026-01-10T00:00:00Z", a, b),
                resultLetter(cycle, "B-349/DJAI/AI.01.02/06/2022", "2022-06-03", 2023, a, b, a),
                mouSigned(a, mouA, 2023, "2023-02-28", false, "2026-01-11T00:00:00Z"),
                mouExpired(a, mouA, 2023, "2024-02-28"),
                mouSigned(b, mouB, 2023, "2023-02-28", true, "2026-01-11T00:00:00Z"),
                mouAmended(b, mouB, 2023, "2024-01-10", "2025-02-28", "2024-01-10T03:00:00Z"),
                invited(c, "Region " + c, cycle, 2023, "2022-03-01T02:00:00Z"),
                notSelected(c, "Region " + c, cycle, 2023, "2022-06-01T02:00:00Z"),
                mouDrafted(c, mouC, 2023, "2022-06-02T02:00:00Z"),
                mouWithdrawn(c, mouC, 2023, "2022-06-03T02:00:00Z"),
                mouSigned(d, UUID.randomUUID(), 2022, "2022-04-21", true, "2026-01-11T00:00:00Z"),
                masterplanRatifiedUndated(d, UUID.randomUUID(), 2022, "2026-01-12T00:00:00Z")));

        JsonPath ta = timeline(a);
        assertThat(ta.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "RESULT_LETTER", "MOU_SIGNED",
                "MOU_EXPIRED");
        assertThat(ta.getString("items[0].occurredOn")).isEqualTo("2019-01-01");
        assertThat(ta.getString("items[0].datePrecision")).isEqualTo("YEAR");
        assertThat(ta.getString("items[1].summary"))
                .isEqualTo("Result letter B-349/DJAI/AI.01.02/06/2022 of 2022-06-03 lists the region for programme year 2023");
        assertThat(ta.getString("items[2].facts.secondPartySignatory")).isEqualTo("unknown");
        assertThat(ta.getString("items[2].summary")).endsWith("for the region: unknown");
        assertThat(ta.getString("programme.stage")).isEqualTo("MOU_ENDED");
        assertThat(ta.getList("programme.programmeYears", Integer.class)).containsExactly(2019, 2023);

        JsonPath tb = timeline(b);
        assertThat(tb.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "RESULT_LETTER", "MOU_SIGNED",
                "MOU_AMENDED");
        assertThat(tb.getString("programme.stage")).isEqualTo("MOU_SIGNED");

        JsonPath tc = timeline(c);
        assertThat(tc.getList("items.kind", String.class)).containsExactly("INVITED", "NOT_SELECTED", "MOU_DRAFTED",
                "MOU_WITHDRAWN");
        assertThat(tc.getString("programme.stage")).as("a withdrawn draft still names its programme year").isEqualTo("SELECTED");

        JsonPath td = timeline(d);
        assertThat(td.getList("items.kind", String.class)).containsExactly("MOU_SIGNED", "MASTERPLAN_RATIFIED");
        assertThat(td.getString("items[1].occurredOn")).as("only the year is known: its end").isEqualTo("2022-12-31");
        assertThat(td.getString("items[1].datePrecision")).isEqualTo("YEAR");
        assertThat(td.getString("items[1].summary")).startsWith("Masterplan ratified by PERBUP (number not known)/2022");
        assertThat(td.getString("items[1].facts.sources[0].title")).isEqualTo("Sumbawa Barat report 2022");
        assertThat(td.getString("programme.stage")).isEqualTo("MASTERPLAN_RATIFIED");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String code = "62.04";
        UUID cycle = UUID.randomUUID();
        Event invited = invited(code, "Region " + code, cycle, 2024, "2023-03-01T02:00:00Z");
        Event selected = selected(code, "Region " + code, cycle, 2024, 3, "2023-06-01T02:00:00Z");
        publish(List.of(invited, selected));
        List<Map<String, Object>> before = query("SELECT * FROM timeline_entry WHERE region_code = ? ORDER BY entry_key", code);
        long processedBefore = query("SELECT 1 FROM processed_event WHERE consumer = 'assessment-events'").size();
        Event marker = submitted(code, "Region " + code, cycle, "2023-03-10T02:00:00Z");
        send(invited.again(), selected.again(), invited.again());
        publish(List.of(marker));
        List<Map<String, Object>> after = query("SELECT * FROM timeline_entry WHERE region_code = ? AND kind <> ?"
                + " ORDER BY entry_key", code, "SELF_ASSESSMENT_SUBMITTED");
        assertThat(after).isEqualTo(before);
        assertThat(query("SELECT 1 FROM processed_event WHERE consumer = 'assessment-events'")).hasSize((int) processedBefore + 1);
        assertThat(timeline(code).getList("items.kind", String.class)).containsExactly("INVITED",
                "SELF_ASSESSMENT_SUBMITTED", "SELECTED");
    }

    /** Issue 18: an act recorded years later sits on the date its write gave, at that precision; the recording stays a fact. */
    @Test
    void anActRecordedAfterTheFactSitsOnItsOwnDateWithItsPrecision() {
        String code = "64.02";
        UUID cycle = UUID.randomUUID();
        Event invited = withOccurred(invited(code, "Region " + code, cycle, 2023, "2026-12-07T02:00:00Z"),
                map("date", "2022-05", "precision", "MONTH"));
        Event selected = withOccurred(selected(code, "Region " + code, cycle, 2023, 4, "2026-12-07T02:00:01Z"),
                map("date", "2022-06-03", "precision", "DAY"));
        Event cohort = withOccurred(cohortRecorded(2023, "2026-12-07T02:00:02Z", code), map("date", "2022"));
        publish(List.of(selected, cohort, invited));
        JsonPath timeline = timeline(code);
        assertThat(timeline.getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "INVITED", "SELECTED");
        assertThat(timeline.getList("items.occurredOn", String.class)).containsExactly("2022-01-01", "2022-05-01", "2022-06-03");
        assertThat(timeline.getList("items.datePrecision", String.class)).containsExactly("YEAR", "MONTH", "DAY");
        assertThat(timeline.getString("items[1].occurredAt")).isNull();
        assertThat(timeline.getString("items[1].facts.recordedAt")).startsWith("2026-12-07T02:00");
        assertThat(timeline.getList("items.occurredOn", String.class)).noneMatch(d -> d.startsWith("2026"));

        Event malformed = withOccurred(submitted(code, "Region " + code, cycle, "2026-12-07T02:00:03Z"),
                map("date", "2022-13-01"));
        try (KafkaEvents dlq = KafkaEvents.on(ASSESSMENT + ".dlq")) {
            send(malformed);
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> malformed.id().equals(KafkaEvents.header(r, "ce_id")), WAIT);
            assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("occurred");
        }
        assertThat(timeline(code).getList("items.kind", String.class)).containsExactly("COHORT_RECORDED", "INVITED", "SELECTED");
    }

    /** The event with {@code data.occurred} added, as a producer writes it for an act recorded after the fact. */
    static Event withOccurred(Event e, Map<String, Object> occurred) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = JSON.readValue(e.record().value(), Map.class);
            data.put("occurred", occurred);
            ProducerRecord<String, String> r = e.record();
            return new Event(e.id(), new ProducerRecord<>(r.topic(), r.partition(), r.key(), json(data), r.headers()));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndChangesNothing() {
        String code = "62.05";
        UUID cycle = UUID.randomUUID();
        Event noYear = event(ASSESSMENT, "id.kotacerdas.assessment.RegionSelected.v1", code, t("2023-06-01T02:00:00Z"),
                json(map("cycleId", cycle.toString(), "regionCode", code, "confirmedAt", "2023-06-01T02:00:00Z")),
                UUID.randomUUID().toString());
        Event notJson = event(AGREEMENT, "id.kotacerdas.agreement.MouSigned.v1", code, t("2023-06-01T02:00:00Z"),
                "{not json", UUID.randomUUID().toString());
        // a type of a producer the consumer does not listen to (another producer's type of the same producer is skipped)
        Event unknownType = event(MASTERPLAN, "id.kotacerdas.elsewhere.MasterplanShredded.v1", code,
                t("2023-06-01T02:00:00Z"), json(map("regionCode", code)), UUID.randomUUID().toString());
        try (KafkaEvents assessmentDlq = KafkaEvents.on(ASSESSMENT + ".dlq");
                KafkaEvents agreementDlq = KafkaEvents.on(AGREEMENT + ".dlq");
                KafkaEvents masterplanDlq = KafkaEvents.on(MASTERPLAN + ".dlq")) {
            send(noYear, notJson, unknownType);
            ConsumerRecord<String, String> dead = assessmentDlq.awaitRecord(
                    r -> noYear.id().equals(KafkaEvents.header(r, "ce_id")), WAIT);
            assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("programmeYear");
            assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-consumer")).isEqualTo("assessment-events");
            assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-poison")).isEqualTo("true");
            agreementDlq.awaitRecord(r -> notJson.id().equals(KafkaEvents.header(r, "ce_id")), WAIT);
            ConsumerRecord<String, String> unknown = masterplanDlq.awaitRecord(
                    r -> unknownType.id().equals(KafkaEvents.header(r, "ce_id")), WAIT);
            assertThat(KafkaEvents.header(unknown, "dead-letter-reason")).contains("MasterplanShredded");
        }
        // the channels go on with the next record
        Event next = invited(code, "Region " + code, cycle, 2024, "2023-03-01T02:00:00Z");
        publish(List.of(next));
        assertThat(timeline(code).getList("items.kind", String.class)).containsExactly("INVITED");
        assertThat(processed("assessment-events", noYear.id())).isFalse();
    }

    @Test
    void rebuildingTheConsumersReproducesTheSameTimelinesStagesAndProjections() {
        publish(story("63.01", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        List<List<Map<String, Object>>> before = snapshot();
        for (String channel : CHANNELS) {
            given().auth().oauth2(MINISTRY).post("/admin/consumers/{channel}/rebuild", channel).then().statusCode(202)
                    .body("channel", equalTo(channel)).body("groupId", equalTo("region-service." + channel));
        }
        // each rebuild builds beside the live tables and swaps when caught up (RebuildBesideTest): wait for the swaps
        await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT state FROM programme_build WHERE topic IN (?, ?, ?, ?)"
                + " AND state = 'LIVE'", ASSESSMENT, AGREEMENT, MASTERPLAN, EVALUATION).size() == CHANNELS.size());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before.get(0)).as("the timelines are not empty").isNotEmpty();
    }

    static List<List<Map<String, Object>>> snapshot() {
        return List.of(
                query("SELECT * FROM timeline_entry ORDER BY entry_key"),
                query("SELECT region_code, stage, stage_year FROM region_programme ORDER BY region_code"),
                query("SELECT * FROM region_programme_year ORDER BY region_code, programme_year"),
                query("SELECT * FROM programme_mou ORDER BY mou_id"),
                query("SELECT * FROM programme_masterplan ORDER BY masterplan_id"),
                query("SELECT * FROM programme_evaluation ORDER BY evaluation_id"));
    }

    @Test
    void theRegionListFiltersByStageAndProgrammeYearAndKeepsItsCachingWithoutThem() {
        UUID cycle = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        publish(List.of(
                selected("35.05", "x", cycle, 2031, 1, "2030-06-01T02:00:00Z"),
                mouSigned("35.05", UUID.randomUUID(), 2031, "2031-02-28", true, "2031-02-28T05:00:00Z"),
                selected("35.06", "x", cycle, 2031, 2, "2030-06-01T02:00:00Z"),
                mouSigned("35.06", UUID.randomUUID(), 2031, "2031-02-28", true, "2031-02-28T05:00:00Z"),
                bimtekHeld("35.06", plan, 2031, 1, "2031-06-01", "2031-06-02"),
                selected("35.07", "x", cycle, 2031, 3, "2030-06-01T02:00:00Z"),
                masterplanRatified("35.07", UUID.randomUUID(), 2031, "2031-12-01"),
                selected("35.08", "x", cycle, 2032, 4, "2031-06-01T02:00:00Z")));
        String signedNotRatified = "/api/v1/regions?provinceCode=35&stage=MOU_SIGNED&stage=BIMTEK&stage=BIMTEK_COMPLETED"
                + "&stage=MASTERPLAN_SUBMITTED&stage=MASTERPLAN_APPROVED";
        JsonPath list = given().auth().oauth2(AUDITOR).get(signedNotRatified).then().statusCode(200)
                .header("ETag", nullValue()).header("Cache-Control", containsString("no-cache")).extract().jsonPath();
        assertThat(list.getList("items.code", String.class)).containsExactly("35.05", "35.06");
        assertThat(list.getString("items[1].programme.stage")).isEqualTo("BIMTEK");
        assertThat(list.getInt("total")).isEqualTo(2);
        // another region's officer sees the stages of public facts: 35.05's signed MoU is not its to see (issue 19)
        JsonPath seen = given().auth().oauth2(OFFICER).get(signedNotRatified).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("items.code", String.class)).containsExactly("35.06");

        assertThat(given().auth().oauth2(AUDITOR).get("/api/v1/regions?programmeYear=2031&sort=-name").then().statusCode(200)
                .extract().jsonPath().getList("items.code", String.class))
                .as("Malang, Kediri, Blitar").containsExactly("35.07", "35.06", "35.05");
        assertThat(given().auth().oauth2(AUDITOR).get("/api/v1/regions?programmeYear=2032&stage=SELECTED").then()
                .statusCode(200).extract().jsonPath().getList("items.code", String.class)).containsExactly("35.08");
        // NOT_IN_PROGRAMME: Jawa Timur's 38 kab/kota less the four above
        given().auth().oauth2(AUDITOR).get("/api/v1/regions?provinceCode=35&stage=NOT_IN_PROGRAMME").then().statusCode(200)
                .body("total", equalTo(34));
        // without programme filters: reference data, cached as before
        String etag = given().auth().oauth2(AUDITOR).get("/api/v1/regions?provinceCode=35").then().statusCode(200)
                .header("ETag", notNullValue()).body("total", equalTo(38)).body("items[0].programme", nullValue())
                .extract().header("ETag");
        given().auth().oauth2(AUDITOR).header("If-None-Match", etag).get("/api/v1/regions?provinceCode=35").then()
                .statusCode(304);
    }

    @Test
    void badProgrammeFilterValuesAreProblemsNamingTheParameter() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions?stage=SIGNED").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("stage"));
        given().auth().oauth2(AUDITOR).get("/api/v1/regions?programmeYear=abc").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("programmeYear"));
        given().auth().oauth2(AUDITOR).get("/api/v1/regions?programmeYear=1999").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("programmeYear"));
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72/timeline?size=101").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("size"));
    }

    @Test
    void unknownOrMalformedRegionsAreProblemsAndAnonymousCallersAreRefused() {
        for (String path : List.of("/api/v1/regions/{code}/timeline", "/api/v1/regions/{code}/dossier")) {
            given().auth().oauth2(AUDITOR).get(path, "18.99").then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("18.99"));
            given().auth().oauth2(AUDITOR).get(path, "18-72").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("code"));
            given().get(path, "18.72").then().statusCode(401);
        }
        given().auth().oauth2(Tokens.forUser("integrator", "integrator")).get("/api/v1/regions/18.72/timeline").then()
                .statusCode(200).body("programme.stage", notNullValue());
    }

    @Test
    void theDossierComposesRegistryProfileStageTimelineMousMasterplansAndEvaluations() {
        String code = "64.01";
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("""
                {"regionalHead":{"name":"Bupati Paser","position":"Bupati"},
                 "dewanSmartCity":{"skNumber":"188.45/7/2022","skDate":"2022-05-10","members":[{"name":"Ketua","role":"Ketua"}]}}""")
                .post("/api/v1/regions/{code}/profile", code).then().statusCode(201);
        UUID mou = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID evaluation = UUID.randomUUID();
        publish(story(code, UUID.randomUUID(), mou, plan, evaluation));

        JsonPath d = given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/dossier", code).then().statusCode(200)
                .header("Cache-Control", containsString("no-cache")).extract().jsonPath();
        assertThat(d.getString("region.code")).isEqualTo(code);
        assertThat(d.getString("region.name")).isEqualTo("Kabupaten Paser");
        assertThat(d.getString("profile.profile.dewanSmartCity.skNumber")).isEqualTo("188.45/7/2022");
        assertThat(d.getString("programme.stage")).isEqualTo("EVALUATED");
        List<String> kinds = d.getList("timeline.kind", String.class);
        List<String> expected = new ArrayList<>(STORY_KINDS);
        expected.add(expected.indexOf("MASTERPLAN_OPENED") + 1, "DEWAN_SMART_CITY_FORMED");
        assertThat(kinds).as("the SK of 2022-05-10 between the signing (2022-04-21) and the bimtek")
                .containsExactlyElementsOf(expected);
        assertThat(d.getString("timeline.find { it.kind == 'DEWAN_SMART_CITY_FORMED' }.source.kind")).isEqualTo("PROFILE");
        assertThat(d.getList("mous.mouId", String.class)).containsExactly(mou.toString());
        assertThat(d.getString("mous[0].state")).isEqualTo("SIGNED");
        assertThat(d.getString("mous[0].details.signedOn")).isEqualTo("2022-04-21");
        assertThat(d.getString("mous[0].details.recordedBy")).as("accounts are not programme facts").isNull();
        assertThat(d.getList("masterplans.masterplanId", String.class)).containsExactly(plan.toString());
        assertThat(d.getString("masterplans[0].state")).isEqualTo("RATIFIED");
        assertThat(d.getString("masterplans[0].details.ratification.instrument")).isEqualTo("PERBUP");
        assertThat(d.getString("masterplans[0].details.bimtekCompletedOn")).isEqualTo("2022-09-22");
        assertThat(d.getMap("masterplans[0].details.bimtekStages").keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(d.getList("evaluations.evaluationId", String.class)).containsExactly(evaluation.toString());
        assertThat(d.getDouble("evaluations[0].details.index")).isEqualTo(3.31);
        assertThat(d.getString("evaluations[0].details.letterIssuedOn")).as("issue 25: the letter's day, renamed")
                .isEqualTo("2023-12-05");
        assertThat(d.getMap("evaluations[0].details")).doesNotContainKey("letterDate");
        assertThat(d.getString("masterplans[0].details.bimtekStages.'1'.startDate")).as("read from startsOn")
                .isEqualTo("2022-06-14");

        // the SK goes when the profile no longer names it
        String etag = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", code).then().extract().header("ETag");
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"regionalHead\":{\"name\":\"Bupati Paser\",\"position\":\"Bupati\"}}")
                .put("/api/v1/regions/{code}/profile", code).then().statusCode(200);
        assertThat(timeline(code).getList("items.kind", String.class)).doesNotContain("DEWAN_SMART_CITY_FORMED");
    }

    @Test
    void theSameFactsInAnyOrderDeriveTheSameStage() {
        String code = "63.02";
        List<Event> story = new ArrayList<>(story(code, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID()).subList(0, 14));
        Collections.reverse(story); // within one topic Kafka keeps a key's order; across topics anything goes
        List<Event> interleaved = new ArrayList<>();
        for (String topic : List.of(MASTERPLAN, AGREEMENT, ASSESSMENT)) {
            List<Event> ofTopic = new ArrayList<>(story.stream().filter(e -> e.record().topic().equals(topic)).toList());
            Collections.reverse(ofTopic);
            interleaved.addAll(ofTopic);
        }
        publish(interleaved);
        assertThat(timeline(code).getString("programme.stage")).isEqualTo("BIMTEK_COMPLETED");
    }
}
