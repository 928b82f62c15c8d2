package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The steps of an evaluation cycle and the other services' events, as the evaluation tests drive them. */
final class Evaluations {

    static final String TOPIC = "kotacerdas.evaluation.v1";
    static final String MASTERPLAN_TOPIC = "kotacerdas.masterplan.v1";
    static final String AGREEMENT_TOPIC = "kotacerdas.agreement.v1";
    static final String[] DIMENSIONS = { "BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN" };
    static final String[] PILLARS = { "GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT" };
    static final ObjectMapper JSON = new ObjectMapper();

    private Evaluations() {
    }

    /** A sheet of the shipped framework: {@code value(dimension, pillar)} for every cell's indicator. */
    static String sheet(String regionCode, BiFunction<String, String, Object> value) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String d : DIMENSIONS) {
            for (String p : PILLARS) {
                scores.add(Map.of("indicatorCode", d + "." + p + ".1", "value", value.apply(d, p)));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionCode", regionCode);
        body.put("scores", scores);
        body.put("interviewNotes", "Interview held online.");
        return json(body);
    }

    static String uniform(String regionCode, Object value) {
        return sheet(regionCode, (d, p) -> value);
    }

    /** A cycle of the shipped Sleman-weighted framework, created as DRAFT; holds its id and ETag. */
    static final class Cycle {
        final String id;
        String etag;

        Cycle(int year) {
            Response r = as(MINISTRY).body("{\"evaluationYear\":" + year + ",\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":1}}")
                    .post("/api/v1/evaluation-cycles");
            r.then().log().ifValidationFails().statusCode(201).body("evaluationYear", equalTo(year));
            id = r.jsonPath().getString("id");
            etag = r.header("ETag");
        }

        String path(String tail) {
            return "/api/v1/evaluation-cycles/" + id + tail;
        }

        Cycle move(String state) {
            etag = as(MINISTRY).header("If-Match", etag).body("{\"state\":\"" + state + "\"}").post(path("/transitions"))
                    .then().log().ifValidationFails().statusCode(200).body("state", equalTo(state))
                    .extract().header("ETag");
            return this;
        }

        Cycle add(String... codes) {
            as(MINISTRY).body(Map.of("regionCodes", codes)).post(path("/regions")).then().log().ifValidationFails()
                    .statusCode(201);
            return this;
        }

        Response score(String token, String sheet) {
            return as(token).body(sheet).post(path("/scoresheets"));
        }
    }

    // ------------------------------------------------------------------ other services' events

    static ProducerRecord<String, String> cloudEvent(String topic, String source, String type, String key, String id,
            Object data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(source));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(OffsetDateTime.now(ZoneOffset.UTC).toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, json(data), headers);
    }

    /** A MasterplanRatified as masterplan-service publishes it (with fields this service does not read). */
    static ProducerRecord<String, String> ratified(String eventId, String regionCode, String date) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("masterplanId", java.util.UUID.randomUUID().toString());
        data.put("regionCode", regionCode);
        data.put("programmeYear", Integer.parseInt(date.substring(0, 4)));
        data.put("versionNumber", 2);
        data.put("instrument", "PERBUP");
        data.put("number", "41");
        data.put("year", Integer.parseInt(date.substring(0, 4)));
        data.put("date", date);
        data.put("title", "Masterplan Smart City");
        data.put("recordedBy", Map.of("subject", "s", "username", "ministry"));
        data.put("recordedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return cloudEvent(MASTERPLAN_TOPIC, "/kotacerdas/masterplan-service", "id.kotacerdas.masterplan.MasterplanRatified.v1",
                regionCode, eventId, data);
    }

    /** A MouSigned as agreement-service publishes it (with fields this service does not read). */
    static ProducerRecord<String, String> mouSigned(String eventId, String regionCode, int programmeYear) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mouId", java.util.UUID.randomUUID().toString());
        data.put("regionCode", regionCode);
        data.put("regionName", "x");
        data.put("level", "KOTA");
        data.put("programmeYear", programmeYear);
        data.put("kind", "NOTA_KESEPAKATAN");
        data.put("signedOn", programmeYear + "-04-21");
        data.put("mode", "VIRTUAL");
        return cloudEvent(AGREEMENT_TOPIC, "/kotacerdas/agreement-service", "id.kotacerdas.agreement.MouSigned.v1",
                regionCode, eventId, data);
    }

    @SafeVarargs
    static void send(ProducerRecord<String, String>... records) {
        RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), List.of(records));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
