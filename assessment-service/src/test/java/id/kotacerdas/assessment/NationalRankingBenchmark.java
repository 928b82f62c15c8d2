package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a test (its name keeps it out of surefire's default run; it asserts nothing about time): an
 * assessment at national scale through assessment-service's HTTP API, on the real PostgreSQL and Kafka of the test
 * infrastructure. Every region of the registry is invited (by level filters), submits its self-assessment, and is
 * scored by three assessors on the 47 indicators of the SPBE framework; then the ranking, the proposal, the selection
 * and the programme statistics are read and timed. Run it with
 * {@code ./mvnw -pl assessment-service -am verify -DskipE2E -Dtest=NationalRankingBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * it prints a table and writes it to {@code assessment-service/target/benchmark/national-ranking.txt}.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class NationalRankingBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ASSESSORS = List.of(Tokens.forUser("assessor-1", "assessor"),
            Tokens.forUser("assessor-2", "assessor"), Tokens.forUser("assessor-3", "assessor"));
    final Map<String, String> timings = new LinkedHashMap<>();

    <T> T timed(String what, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        timings.put(what, "%,.0f ms".formatted((System.nanoTime() - start) / 1e6));
        return result;
    }

    @Test
    void assessEveryRegionWithThreeAssessorsOn47IndicatorsThenRankAndSelect() throws Exception {
        Flow.registryReady();
        List<String> indicators = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/frameworks/spbe.v1.json")) {
            for (JsonNode c : JSON.readTree(in).get("criteria")) {
                for (JsonNode d : c.get("subDimensions")) {
                    d.get("indicators").forEach(i -> indicators.add(i.get("code").asText()));
                }
            }
        }
        Flow.Cycle cycle = new Flow.Cycle("""
                {"name":"National benchmark","assessmentYear":2090,"programmeYear":2091,"framework":{"code":"spbe","version":1},
                 "schedule":{"invitedOn":"2090-01-10","selfAssessmentDeadline":"2099-12-29T23:59:59+07:00",
                             "interviewDays":["2099-12-30"],"presentationDays":["2099-12-31"]},
                 "quotas":{"kabKotaSeats":50,"provinceSeats":2}}""");
        List<String> regions = timed("invite by level (3 requests)", () -> {
            List<String> invited = new ArrayList<>();
            for (String level : List.of("PROVINCE", "KABUPATEN", "KOTA")) {
                invited.addAll(as(MINISTRY).body("{\"filter\":{\"level\":\"" + level + "\"}}").post(cycle.path("/invitations"))
                        .then().statusCode(201).extract().jsonPath().getList("invited.regionCode", String.class));
            }
            return invited;
        });
        cycle.move("SELF_ASSESSMENT");
        String answers = "{\"answers\":[{\"indicatorCode\":\"" + indicators.get(0) + "\",\"value\":3}]}";
        timed("self-assessments: draft + submission per region", () -> {
            for (String code : regions) {
                String officer = Tokens.forRegionOfficer("officer-" + code, code);
                String etag = cycle.etag(officer, "/self-assessments/" + code);
                etag = as(officer).header("If-Match", etag).body(answers).put(cycle.path("/self-assessments/" + code))
                        .then().statusCode(200).extract().header("ETag");
                as(officer).header("If-Match", etag).post(cycle.path("/self-assessments/" + code + "/submission"))
                        .then().statusCode(200);
            }
            return null;
        });
        cycle.move("INTERVIEWS");
        Random random = new Random(42);
        timed("scoresheets: 3 assessors x " + indicators.size() + " indicators per region", () -> {
            for (String code : regions) {
                for (String assessor : ASSESSORS) {
                    StringBuilder sheet = new StringBuilder("{\"regionCode\":\"").append(code).append("\",\"scores\":[");
                    for (int i = 0; i < indicators.size(); i++) {
                        sheet.append(i == 0 ? "" : ",").append("{\"indicatorCode\":\"").append(indicators.get(i))
                                .append("\",\"value\":").append(1 + random.nextInt(5)).append('}');
                    }
                    as(assessor).body(sheet.append("]}").toString()).post(cycle.path("/scoresheets")).then().statusCode(201);
                }
            }
            return null;
        });
        cycle.move("SCORING");
        Response ranking = timed("GET ranking (cold)", () -> as(MINISTRY).get(cycle.path("/ranking")));
        ranking.then().statusCode(200);
        timed("GET ranking (again)", () -> as(MINISTRY).get(cycle.path("/ranking")).then().statusCode(200));
        timed("GET selection proposal", () -> as(MINISTRY).get(cycle.path("/selection/proposal")).then().statusCode(200));
        timed("POST selection (confirm, events for every region)", () -> as(MINISTRY).header("If-Match", cycle.etag)
                .body("{\"adjustments\":[]}").post(cycle.path("/selection")).then().statusCode(201)
                .body("selectedKabKota", equalTo(50)).body("selectedProvinces", equalTo(2)));
        timed("GET programme statistics", () -> as(MINISTRY).get("/api/v1/programme-statistics").then().statusCode(200));

        StringBuilder out = new StringBuilder("National ranking benchmark: " + regions.size() + " regions, "
                + ASSESSORS.size() * regions.size() + " scoresheets of " + indicators.size() + " indicators ("
                + Runtime.getRuntime().availableProcessors() + " CPUs)\n");
        timings.forEach((what, took) -> out.append("  %-62s %10s%n".formatted(what, took)));
        System.out.print(out);
        Path file = Path.of("target/benchmark/national-ranking.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
    }
}
