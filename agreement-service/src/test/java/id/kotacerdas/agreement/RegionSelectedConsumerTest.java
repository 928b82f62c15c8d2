package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.agreement.messaging.RegionSelectedHandler;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.RegistrySeed;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * assessment-service's {@code RegionSelected} drafts one MoU per region and programme year, once: a redelivery of
 * the same event and a second selection of the same region and year draft nothing more; what can never be processed
 * goes to the dead-letter topic and the consumer goes on.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class RegionSelectedConsumerTest {

    static final String TOPIC = "kotacerdas.assessment.v1";
    static final String TYPE = "id.kotacerdas.assessment.RegionSelected.v1";
    static final Duration ARRIVES = Duration.ofSeconds(60);

    @BeforeEach
    void registry() {
        Api.registry();
    }

    /** A RegionSelected as assessment-service publishes it, with fields this service does not read. */
    static ProducerRecord<String, String> regionSelected(String code, int year, UUID cycleId) {
        return RegistrySeed.cloudEvent(TOPIC, code, TYPE, """
                {"cycleId":"%s","selectionId":"%s","assessmentYear":%d,"programmeYear":%d,"regionCode":"%s",\
                "regionName":"ignored when the registry knows it","provinceCode":"%s","track":"KAB_KOTA","rank":7,\
                "score":81.25,"outcome":"SELECTED","reason":"rank 7 of 50 seats","repeat":false,"repeatOf":[],\
                "confirmedBy":{"subject":"s","username":"ministry"},"confirmedAt":"2026-11-30T08:00:00Z"}"""
                .formatted(cycleId, UUID.randomUUID(), year - 1, year, code, code.substring(0, 2)));
    }

    static int total(String code, int year) {
        return given().auth().oauth2(MINISTRY).queryParam("regionCode", code).queryParam("programmeYear", year)
                .get("/api/v1/mous").then().statusCode(200).extract().path("total");
    }

    @Test
    void aSelectedRegionGetsOneDraftAndARedeliveryDraftsNothingMore() throws Exception {
        int year = Api.freshYear();
        int marker = Api.freshYear();
        UUID cycle = UUID.randomUUID();
        ProducerRecord<String, String> selected = regionSelected("17.71", year, cycle);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), List.of(selected));
            await().atMost(ARRIVES).until(() -> total("17.71", year) == 1);
            JsonPath draft = given().auth().oauth2(MINISTRY).queryParam("regionCode", "17.71").queryParam("programmeYear", year)
                    .get("/api/v1/mous").then().extract().jsonPath();
            assertThat(draft.getString("items[0].state")).isEqualTo("DRAFT");
            assertThat(draft.getString("items[0].origin")).isEqualTo("LIVE");
            assertThat(draft.getString("items[0].draftedFrom")).isEqualTo("REGION_SELECTED");
            assertThat(draft.getString("items[0].regionName")).isEqualTo("Kota Bengkulu");
            assertThat(draft.getString("items[0].track")).isEqualTo("KAB_KOTA");
            assertThat(draft.getString("items[0].cycleId")).isEqualTo(cycle.toString());
            assertThat(draft.getString("items[0].secondParty.position")).isEqualTo("Wali Kota Bengkulu");
            assertThat(draft.getList("items[0].scope.standardItems")).hasSize(4);
            String id = draft.getString("items[0].id");
            ConsumerRecord<String, String> drafted = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouDrafted.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            assertThat(drafted.key()).isEqualTo("17.71");
            assertThat(KafkaEvents.header(drafted, "ce_requestid")).isNull();
            com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(drafted.value());
            assertThat(data.get("origin").asText()).isEqualTo("LIVE");
            assertThat(data.get("draftedFrom").asText()).isEqualTo("REGION_SELECTED");

            long rows = Api.count("mou");
            long audits = Api.count("audit_entry");
            long outbox = Api.count("outbox_event");
            // the same event again (a redelivery), the same selection published anew (another id), then a marker
            // with the same key: once the marker's draft exists, the two before it were handled
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(),
                    List.of(selected, regionSelected("17.71", year, cycle), regionSelected("17.71", marker, cycle)));
            await().atMost(ARRIVES).until(() -> total("17.71", marker) == 1);
            assertThat(total("17.71", year)).isEqualTo(1);
            assertThat(Api.count("mou")).isEqualTo(rows + 1);
            assertThat(Api.count("audit_entry")).isEqualTo(audits + 1);
            assertThat(Api.count("outbox_event")).isEqualTo(outbox + 1);
            assertThat(Api.count("processed_event WHERE consumer = 'assessment-events' AND event_id = '"
                    + KafkaEvents.header(selectedRecordHeaders(selected), "ce_id") + "'")).isEqualTo(1);
        }
    }

    @Test
    void aSelectionRecordedAfterTheFactDatesTheDraftByItsOccurred() throws Exception {
        int year = Api.freshYear();
        ProducerRecord<String, String> selected = RegistrySeed.cloudEvent(TOPIC, "17.03", TYPE, """
                {"cycleId":"%s","programmeYear":%d,"regionCode":"17.03","regionName":"Kota x","provinceCode":"17",\
                "track":"KAB_KOTA","outcome":"SELECTED","occurred":{"date":"2022-06","precision":"MONTH"}}"""
                .formatted(UUID.randomUUID(), year));
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), List.of(selected));
            await().atMost(ARRIVES).until(() -> total("17.03", year) == 1);
            JsonPath draft = given().auth().oauth2(MINISTRY).queryParam("regionCode", "17.03").queryParam("programmeYear", year)
                    .get("/api/v1/mous").then().extract().jsonPath();
            assertThat(draft.getString("items[0].occurred.drafted.date")).isEqualTo("2022-06");
            assertThat(draft.getString("items[0].occurred.drafted.precision")).isEqualTo("MONTH");
            assertThat(draft.getString("items[0].createdAt")).as("the recording instant stays beside it").isNotNull();
            String id = draft.getString("items[0].id");
            ConsumerRecord<String, String> drafted = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouDrafted.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(drafted.value());
            assertThat(data.at("/occurred/date").asText()).isEqualTo("2022-06");
            assertThat(data.at("/occurred/precision").asText()).isEqualTo("MONTH");
            assertThat(data.get("draftedAt").asText()).isNotBlank();
        }
    }

    @Test
    void aDraftMadeByHandIsNotDraftedAgainWhenTheSelectionArrives() throws Exception {
        int year = Api.freshYear();
        String id = Api.draft("17.01", year, "{\"title\":\"Drafted by hand first\"}").getString("id");
        int marker = Api.freshYear();
        RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(),
                List.of(regionSelected("17.01", year, UUID.randomUUID()), regionSelected("17.01", marker, UUID.randomUUID())));
        await().atMost(ARRIVES).until(() -> total("17.01", marker) == 1);
        assertThat(total("17.01", year)).isEqualTo(1);
        Api.get(MINISTRY, id).then().statusCode(200).body("title", org.hamcrest.Matchers.equalTo("Drafted by hand first"))
                .body("origin", org.hamcrest.Matchers.equalTo("LIVE"))
                .body("draftedFrom", org.hamcrest.Matchers.equalTo("MINISTRY"));
    }

    @Test
    void whatCanNeverBeProcessedGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        int marker = Api.freshYear();
        ProducerRecord<String, String> unknownRegion = regionSelected("17.99", Api.freshYear(), UUID.randomUUID());
        ProducerRecord<String, String> noYear = RegistrySeed.cloudEvent(TOPIC, "17.02", TYPE, "{\"regionCode\":\"17.02\"}");
        // a type of a producer this consumer does not listen to (a record on the wrong topic) is poison
        ProducerRecord<String, String> unknownType = RegistrySeed.cloudEvent(TOPIC, "17.02",
                "id.kotacerdas.masterplan.SomethingNew.v1", "{}");
        // the producer's other types, known or new, are skipped, not dead-lettered
        ProducerRecord<String, String> skipped = RegistrySeed.cloudEvent(TOPIC, "17.02",
                "id.kotacerdas.assessment.RegionInvited.v1", "{\"regionCode\":\"17.02\"}");
        ProducerRecord<String, String> skippedNew = RegistrySeed.cloudEvent(TOPIC, "17.02",
                "id.kotacerdas.assessment.SomethingNew.v1", "{}");
        try (KafkaEvents dlq = KafkaEvents.on(TOPIC + ".dlq")) {
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(),
                    List.of(unknownRegion, noYear, unknownType, skipped, skippedNew,
                            regionSelected("17.02", marker, UUID.randomUUID())));
            await().atMost(ARRIVES).until(() -> total("17.02", marker) == 1);
            for (ProducerRecord<String, String> poison : List.of(unknownRegion, noYear, unknownType)) {
                String ceId = KafkaEvents.header(selectedRecordHeaders(poison), "ce_id");
                ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> ceId.equals(KafkaEvents.header(r, "ce_id")), ARRIVES);
                assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-poison")).isEqualTo("true");
                assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-consumer")).isEqualTo("assessment-events");
            }
            for (ProducerRecord<String, String> skip : List.of(skipped, skippedNew)) {
                String skippedId = KafkaEvents.header(selectedRecordHeaders(skip), "ce_id");
                dlq.assertNoRecord(r -> skippedId.equals(KafkaEvents.header(r, "ce_id")), Duration.ofSeconds(1));
            }
        }
        assertThat(Api.count("mou WHERE region_code = '17.99'")).isZero();
    }

    @Test
    void aRecordedSelectionDraftsNothingAndTheNewTypesOfTheTopicAreNotDeadLettered() throws Exception {
        int year = Api.freshYear();
        int marker = Api.freshYear();
        // a past outcome recorded from its sources: no cycle, a recordId, origin RECORDED
        ProducerRecord<String, String> recorded = RegistrySeed.cloudEvent(TOPIC, "17.04", TYPE, """
                {"cycleId":null,"recordId":"%s","programmeYear":%d,"regionCode":"17.04","regionName":"x","provinceCode":"17",                "track":"KAB_KOTA","outcome":"SELECTED","origin":"RECORDED","occurred":{"date":"2022-06","precision":"MONTH"},                "sources":[{"url":"https://example.org/letter"}]}""".formatted(UUID.randomUUID(), year));
        List<ProducerRecord<String, String>> newTypes = RegionSelectedHandler.IGNORED.stream()
                .map(type -> RegistrySeed.cloudEvent(TOPIC, "17.04", type, "{\"regionCode\":\"17.04\",\"programmeYear\":" + year + "}"))
                .toList();
        long drafts = Api.count("mou");
        try (KafkaEvents dlq = KafkaEvents.on(TOPIC + ".dlq")) {
            List<ProducerRecord<String, String>> all = new java.util.ArrayList<>();
            all.add(recorded);
            all.addAll(newTypes);
            all.add(regionSelected("17.04", marker, UUID.randomUUID()));
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), all);
            await().atMost(ARRIVES).until(() -> total("17.04", marker) == 1);
            assertThat(total("17.04", year)).as("a recorded past starts no live workflow").isZero();
            assertThat(Api.count("mou")).isEqualTo(drafts + 1);
            assertThat(Api.count("processed_event WHERE consumer = 'assessment-events' AND event_id = '"
                    + KafkaEvents.header(selectedRecordHeaders(recorded), "ce_id") + "'")).isEqualTo(1);
            for (ProducerRecord<String, String> r : all) {
                String ceId = KafkaEvents.header(selectedRecordHeaders(r), "ce_id");
                dlq.assertNoRecord(d -> ceId.equals(KafkaEvents.header(d, "ce_id")), Duration.ofMillis(200));
            }
        }
    }

    /**
     * The evolution rule's promise to consumers (README "Events"): a v1 event may gain properties, at the top and
     * inside its objects, and a consumer built before them handles it as before: it drafts the MoU, records the event as
     * processed, and dead-letters nothing. The draft's {@code MouDrafted} carries its schema's absolute {@code $id} as
     * {@code ce_dataschema}.
     */
    @Test
    void aV1EventWithPropertiesAddedLaterIsHandledNotDeadLettered() throws Exception {
        int year = Api.freshYear();
        ProducerRecord<String, String> newer = RegistrySeed.cloudEvent(TOPIC, "17.06", TYPE, """
                {"cycleId":"%s","selectionId":"%s","assessmentYear":%d,"programmeYear":%d,"regionCode":"17.06",\
                "regionName":"Kabupaten Mukomuko","provinceCode":"17","track":"KAB_KOTA","rank":12,"score":76.5,\
                "outcome":"SELECTED","reason":"Rank 12 of 50 seats in the KAB_KOTA track","repeat":true,\
                "repeatOf":[{"programmeYear":2019,"track":"KAB_KOTA","source":"cohort 2019","sourceLetter":"B-116"}],\
                "confirmedBy":{"subject":"s","username":"ministry","displayName":"Direktorat Jenderal Aptika"},\
                "confirmedAt":"2026-11-30T08:00:00Z","origin":"LIVE",\
                "leadingSector":{"code":"GOVERNANCE","since":2024},"quotaRound":2,"tags":["pilot"]}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), year - 1, year));
        String ceId = KafkaEvents.header(selectedRecordHeaders(newer), "ce_id");
        try (KafkaEvents dlq = KafkaEvents.on(TOPIC + ".dlq"); KafkaEvents published = KafkaEvents.on(Api.TOPIC)) {
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), List.of(newer));
            await().atMost(ARRIVES).until(() -> total("17.06", year) == 1);
            assertThat(Api.count("processed_event WHERE consumer = 'assessment-events' AND event_id = '" + ceId + "'"))
                    .isEqualTo(1);
            dlq.assertNoRecord(d -> ceId.equals(KafkaEvents.header(d, "ce_id")), Duration.ofSeconds(1));
            JsonPath draft = given().auth().oauth2(MINISTRY).queryParam("regionCode", "17.06").queryParam("programmeYear", year)
                    .get("/api/v1/mous").then().extract().jsonPath();
            assertThat(draft.getString("items[0].state")).isEqualTo("DRAFT");
            assertThat(draft.getString("items[0].draftedFrom")).isEqualTo("REGION_SELECTED");
            // the draft's own event names its schema by the absolute URI the gateway serves it at, the schema's $id
            String id = draft.getString("items[0].id");
            ConsumerRecord<String, String> drafted = published.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouDrafted.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            String dataschema = KafkaEvents.header(drafted, "ce_dataschema");
            assertThat(dataschema).isEqualTo("https://kotacerdas.id/events/agreement/schemas/MouDrafted.v1.json");
            given().get(java.net.URI.create(dataschema).getPath().replace("/events/agreement/", "/events/")).then()
                    .statusCode(200).body("$id", org.hamcrest.Matchers.equalTo(dataschema));
        }
    }

    /** The headers of a record we produced, in the shape KafkaEvents reads. */
    static ConsumerRecord<String, String> selectedRecordHeaders(ProducerRecord<String, String> r) {
        ConsumerRecord<String, String> c = new ConsumerRecord<>(r.topic(), 0, 0, r.key(), r.value());
        r.headers().forEach(h -> c.headers().add(h));
        return c;
    }
}
