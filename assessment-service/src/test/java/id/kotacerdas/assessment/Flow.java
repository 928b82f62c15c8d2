package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.testing.RegistrySeed;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** The steps of an assessment cycle, as the tests drive them over HTTP. */
final class Flow {

    static final String FUTURE = "2099-12-29T23:59:59+07:00";
    static final String PAST = "2022-02-15T23:59:59+07:00";

    private Flow() {
    }

    /** Seeds the region registry topic as region-service publishes it and waits until the replica is complete. */
    static void registryReady() {
        JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
        if (!isUp(health)) {
            RegistrySeed.registry().send();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> isUp(given().get("/q/health/ready").then().extract().jsonPath()));
        }
    }

    private static boolean isUp(JsonPath health) {
        Map<String, Object> check = health.getMap("checks.find { it.name == 'region-registry' }");
        return check != null && "UP".equals(check.get("status"));
    }

    static String plan(int assessmentYear, int programmeYear, String deadline, int kabKota, int provinces, Integer maxPerProvince) {
        return """
                {"name":"Asesmen %s","assessmentYear":%d,"programmeYear":%d,"framework":{"code":"kominfo-readiness","version":2},
                 "schedule":{"invitedOn":"2022-01-10","selfAssessmentDeadline":"%s",
                             "interviewDays":["2099-12-30"],"presentationDays":["2099-12-31"]},
                 "quotas":{"kabKotaSeats":%d,"provinceSeats":%d%s}}""".formatted(UUID.randomUUID(), assessmentYear,
                programmeYear, deadline, kabKota, provinces, maxPerProvince == null ? "" : ",\"maxPerProvince\":" + maxPerProvince);
    }

    /** A cycle, created and opened (INVITING); holds its id and current ETag. */
    static final class Cycle {
        final String id;
        String etag;

        Cycle(String plan) {
            Response r = as(MINISTRY).body(plan).post("/api/v1/assessment-cycles");
            r.then().statusCode(201);
            id = r.jsonPath().getString("id");
            etag = r.header("ETag");
            move("INVITING");
        }

        Cycle move(String state) {
            etag = as(MINISTRY).header("If-Match", etag).body("{\"state\":\"" + state + "\"}")
                    .post("/api/v1/assessment-cycles/{id}/transitions", id).then().log().ifValidationFails()
                    .statusCode(200).body("state", equalTo(state)).extract().header("ETag");
            return this;
        }

        Cycle invite(String... codes) {
            as(MINISTRY).body(Map.of("regionCodes", codes)).post("/api/v1/assessment-cycles/{id}/invitations", id)
                    .then().log().ifValidationFails().statusCode(201);
            return this;
        }

        String path(String tail) {
            return "/api/v1/assessment-cycles/" + id + tail;
        }

        String etag(String token, String path) {
            return as(token).get(path(path)).then().log().ifValidationFails().statusCode(200).extract().header("ETag");
        }

        /** The region's officer answers two indicators and submits. */
        Cycle submit(String officerToken, String code) {
            String etag = etag(officerToken, "/self-assessments/" + code);
            etag = as(officerToken).header("If-Match", etag).body("""
                    {"answers":[{"indicatorCode":"K4.1","value":3,"text":"Indeks SPBE 2021: 3.1","evidenceLinks":["https://example.go.id/spbe.pdf"]},
                                {"indicatorCode":"K1.1","value":4}]}""")
                    .put(path("/self-assessments/" + code)).then().log().ifValidationFails().statusCode(200)
                    .extract().header("ETag");
            as(officerToken).header("If-Match", etag).post(path("/self-assessments/" + code + "/submission")).then()
                    .log().ifValidationFails().statusCode(200).body("status", equalTo("SUBMITTED"));
            return this;
        }

        /** An assessor's sheet: the five indicators K1.1..K5.1 of the 2023 criteria. */
        Response score(String assessorToken, String code, int k1, int k2, int k3, int k4, int k5) {
            return as(assessorToken).body(sheet(code, k1, k2, k3, k4, k5)).post(path("/scoresheets"));
        }
    }

    static String sheet(String code, Object k1, Object k2, Object k3, Object k4, Object k5) {
        return """
                {"regionCode":"%s","scores":[{"indicatorCode":"K1.1","value":%s},{"indicatorCode":"K2.1","value":%s,"note":"RPJMD"},
                 {"indicatorCode":"K3.1","value":%s},{"indicatorCode":"K4.1","value":%s},{"indicatorCode":"K5.1","value":%s}],
                 "interviewNotes":"Dewan Smart City in place.","presentationNotes":"Quick wins funded."}"""
                .formatted(code, k1, k2, k3, k4, k5);
    }
}
