package id.kotacerdas.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The history loader's file parsing and request building, and the record file it ships with (offline). */
class HistoryImportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern OCCURRED = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    @Test
    void factsArePostedInDependencyOrderWithPathFieldsAndDocumentationLeftOutOfTheBody() throws Exception {
        JsonNode file = JSON.readTree("""
                {"documentationFields":["aside"],
                 "recordedMous":[{"regionCode":"33.76","programmeYear":2022,"signedOn":{"date":"2022-04-21","precision":"DAY"},
                                  "number":null,"numberKnown":false,"ceremony":"Zoom","comment":"why","aside":"x",
                                  "sources":[{"url":"https://beenews.id/a"}]}],
                 "cohortMembers":[{"programmeYear":2017,"regionCode":"14.05","regionNameAsInSource":"Kabupaten Pelalawan",
                                   "confidence":"confirmed","occurred":{"date":"2017-05-22","precision":"DAY"},
                                   "sources":[{"url":"http://rtikkediri.or.id/x"}]}],
                 "declaredFigures":[{"programmeYear":2020,"track":"KAB_KOTA","size":0,"repeats":0,
                                     "sources":[{"url":"https://bekasi.tribunnews.com/y"}]}],
                 "leftToTheDemoStory":[{"what":"not posted"}], "notRecorded":[{"what":"not posted either"}]}""");

        List<HistoryImport.Fact> facts = HistoryImport.facts(file);

        assertThat(facts).extracting(HistoryImport.Fact::path).containsExactly(
                "/api/v1/cohorts/2020/declared-figures", "/api/v1/cohorts/2017/members", "/api/v1/recorded-mous");
        assertThat(facts.get(0).body().toString())
                .isEqualTo("{\"track\":\"KAB_KOTA\",\"size\":0,\"repeats\":0,\"sources\":[{\"url\":\"https://bekasi.tribunnews.com/y\"}]}");
        assertThat(facts.get(1).body().has("programmeYear")).isFalse();
        assertThat(facts.get(1).body().has("regionNameAsInSource")).isFalse();
        assertThat(facts.get(1).body().path("regionCode").asText()).isEqualTo("14.05");
        assertThat(facts.get(1).label()).isEqualTo("cohort member 2017 14.05 (Kabupaten Pelalawan)");
        // the MoU keeps its programme year (not a path field) and its unknowns as null, without the asides
        assertThat(facts.get(2).body().path("programmeYear").asInt()).isEqualTo(2022);
        assertThat(facts.get(2).body().has("number")).isTrue();
        assertThat(facts.get(2).body().get("number").isNull()).isTrue();
        assertThat(facts.get(2).body().has("comment")).isFalse();
        assertThat(facts.get(2).body().has("aside")).isFalse();
    }

    @Test
    void theIdempotencyKeyFollowsTheFactAsWritten() throws Exception {
        JsonNode a = JSON.readTree("""
                {"resultLetters":[{"number":"B-454/DJAI/AI.01.02/05/2023","date":"2023-05-31","programmeYear":2024,
                  "regions":[{"regionCode":"13.72","track":"KAB_KOTA"}],"sources":[{"url":"https://infopublik.id/kategori/nusantara/749175/"}],
                  "comment":"only a comment differs"}]}""");
        JsonNode b = JSON.readTree(a.toString().replace("only a comment differs", "another comment"));
        JsonNode c = JSON.readTree(a.toString().replace("2023-05-31", "2023-05-30"));

        String key = HistoryImport.facts(a).get(0).idempotencyKey();
        assertThat(HistoryImport.facts(b).get(0).idempotencyKey()).isEqualTo(key);
        assertThat(HistoryImport.facts(c).get(0).idempotencyKey()).isNotEqualTo(key);
        assertThat(HistoryImport.facts(a).get(0).label()).isEqualTo("result letter B-454/DJAI/AI.01.02/05/2023 of 2023-05-31");
    }

    @Test
    void aFactWithoutSourcesOrWithoutItsPathFieldIsAnErrorOfTheFile() throws Exception {
        assertThatThrownBy(() -> HistoryImport.facts(JSON.readTree("""
                {"recordedMous":[{"regionCode":"33.76","programmeYear":2022}]}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("recordedMous[0] names no sources");
        assertThatThrownBy(() -> HistoryImport.facts(JSON.readTree("""
                {"cohortMembers":[{"regionCode":"33.76","sources":[{"url":"https://a.id/"}]}]}""")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cohortMembers[0] has no programmeYear (its path needs it)");
    }

    @Test
    void statusesAreWroteSkippedRefusedOrFailed() {
        assertThat(HistoryImport.outcome(201, false)).isEqualTo(HistoryImport.Outcome.WROTE);
        assertThat(HistoryImport.outcome(201, true)).isEqualTo(HistoryImport.Outcome.SKIPPED);
        assertThat(HistoryImport.outcome(200, false)).isEqualTo(HistoryImport.Outcome.SKIPPED);
        assertThat(HistoryImport.outcome(409, false)).isEqualTo(HistoryImport.Outcome.REFUSED);
        assertThat(HistoryImport.outcome(400, false)).isEqualTo(HistoryImport.Outcome.REFUSED);
        assertThat(HistoryImport.outcome(503, false)).isEqualTo(HistoryImport.Outcome.FAILED);
        assertThat(new HistoryImport.Result(3, 1, 2, 0, 1500, 0, List.of()).exitCode()).isZero();
        assertThat(new HistoryImport.Result(3, 1, 2, 1, 1500, 0, List.of()).exitCode()).isEqualTo(1);
        assertThat(new HistoryImport.Result(3, 1, 2, 0, 1500, 0, List.of()).summary())
                .isEqualTo("6 fact(s): 3 wrote, 1 skipped, 2 refused, 0 failed (5xx) in 1.5 s (2.0 writes/s, 4.0 requests/s)");
        assertThat(new HistoryImport.Result(3, 1, 2, 0, 1500, 1000, List.of()).summary())
                .endsWith("(2.0 writes/s, 4.0 requests/s); 1.0 s of it waiting on the gateway's rate limit (429)");
        assertThat(HistoryImport.retryAfterMillis("3")).isEqualTo(3000);
        assertThat(HistoryImport.retryAfterMillis(null)).isEqualTo(1000);
        assertThat(HistoryImport.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(1000);
        assertThat(HistoryImport.retryAfterMillis("3600")).isEqualTo(60_000);
        assertThat(HistoryImport.retryAfterMillis("0")).isZero();
    }

    @Test
    void aRefusalSaysTheProblemsDetailAndFields() {
        assertThat(HistoryImport.why("""
                {"type":"about:blank","title":"Conflict","status":409,
                 "detail":"signedOn differs from the recorded MoU: use a correction",
                 "violations":[{"field":"signedOn","message":"differs"}]}"""))
                .isEqualTo("signedOn differs from the recorded MoU: use a correction [signedOn: differs]");
        assertThat(HistoryImport.why("{\"title\":\"Forbidden\",\"status\":403}")).isEqualTo("Forbidden");
        assertThat(HistoryImport.why("not json")).isEqualTo("not json");
    }

    @Test
    void theImporterTokenIsClientCredentialsOfItsClient() {
        assertThat(DemoData.tokenForm("importer", Map.of())).isEqualTo(
                "grant_type=client_credentials&client_id=kotacerdas-importer&client_secret=importer-secret");
        assertThat(DemoData.tokenForm("importer", Map.of("IMPORTER_CLIENT_SECRET", "s3cr&t"))).endsWith("client_secret=s3cr%26t");
        assertThat(DemoData.tokenForm("integrator", Map.of())).contains("client_id=kotacerdas-integrator");
        assertThat(DemoData.tokenForm("ministry", Map.of())).isNull();
        assertThat(new HistoryImport(new DemoData(URI.create("http://gw"), URI.create("http://kc"), System.out), System.out))
                .isNotNull();
    }

    @Test
    void aRunPostsEveryFactAsTheImporterAndCountsWhatTheGatewayAnswered() throws Exception {
        // a fake Keycloak and gateway on one local port: the token request, then one answer per fact
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Deque<Integer> answers = new java.util.concurrent.ConcurrentLinkedDeque<>(List.of(429, 201, 200, 409, 503));
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            byte[] out;
            int status;
            if (path.equals("/realms/kotacerdas/protocol/openid-connect/token")) {
                seen.add("token " + body);
                status = 200;
                out = "{\"access_token\":\"tok\"}".getBytes();
            } else {
                seen.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization")
                        + " key=" + (exchange.getRequestHeaders().getFirst("Idempotency-Key") != null) + " " + body);
                status = answers.removeFirst();
                out = (status == 409 ? "{\"title\":\"Conflict\",\"detail\":\"signedOn differs: use a correction\","
                        + "\"violations\":[{\"field\":\"signedOn\",\"message\":\"differs\"}]}" : "{}").getBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        try {
            URI local = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            java.io.PrintStream log = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode file = JSON.readTree("""
                    {"declaredFigures":[{"programmeYear":2017,"track":"KAB_KOTA","size":25,"repeats":0,"sources":[{"url":"https://a.id/"}]}],
                     "cohortMembers":[{"programmeYear":2017,"regionCode":"14.05","sources":[{"url":"https://a.id/"}]},
                                      {"programmeYear":2017,"regionCode":"14.08","sources":[{"url":"https://a.id/"}]}],
                     "recordedMous":[{"regionCode":"14.05","programmeYear":2017,"sources":[{"url":"https://a.id/"}]}]}""");

            HistoryImport.Result result = new HistoryImport(new DemoData(local, local, log), log).run(file);

            assertThat(seen.get(0)).isEqualTo(
                    "token grant_type=client_credentials&client_id=kotacerdas-importer&client_secret=importer-secret");
            String declared = "POST /api/v1/cohorts/2017/declared-figures Bearer tok key=true "
                    + "{\"track\":\"KAB_KOTA\",\"size\":25,\"repeats\":0,\"sources\":[{\"url\":\"https://a.id/\"}]}";
            assertThat(seen.subList(1, seen.size())).containsExactly(
                    declared, // answered 429 (the rate limit), sent again
                    declared,
                    "POST /api/v1/cohorts/2017/members Bearer tok key=true {\"regionCode\":\"14.05\",\"sources\":[{\"url\":\"https://a.id/\"}]}",
                    "POST /api/v1/cohorts/2017/members Bearer tok key=true {\"regionCode\":\"14.08\",\"sources\":[{\"url\":\"https://a.id/\"}]}",
                    "POST /api/v1/recorded-mous Bearer tok key=true "
                            + "{\"regionCode\":\"14.05\",\"programmeYear\":2017,\"sources\":[{\"url\":\"https://a.id/\"}]}");
            assertThat(List.of(result.wrote(), result.skipped(), result.refused(), result.failed())).containsExactly(1, 1, 1, 1);
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.refusals()).containsExactly(
                    "cohort member 2017 14.08 -> 409: signedOn differs: use a correction [signedOn: differs]");
            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("[history] wrote   declared figures 2017 KAB_KOTA -> 201")
                    .contains("[history] skipped cohort member 2017 14.05 -> 200")
                    .contains("[history] FAILED  recorded MoU 2017 14.05 -> 503")
                    .contains("4 fact(s): 1 wrote, 1 skipped, 1 refused, 1 failed (5xx)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theShippedRecordIsLoadableAndEveryFactHasAWebSourceAndAWellFormedDate() throws Exception {
        JsonNode file = HistoryImport.readDefault();
        List<HistoryImport.Fact> facts = HistoryImport.facts(file);

        assertThat(facts).hasSize(256);
        Map<HistoryImport.Kind, Integer> expected = Map.of(HistoryImport.Kind.DECLARED_FIGURES, 9,
                HistoryImport.Kind.RECORDED_ASSESSMENTS, 12, HistoryImport.Kind.COHORT_MEMBERS, 127,
                HistoryImport.Kind.RESULT_LETTERS, 2, HistoryImport.Kind.RECORDED_MOUS, 104,
                HistoryImport.Kind.RECORDED_MASTERPLANS, 2);
        expected.forEach((kind, count) -> assertThat(facts.stream().filter(f -> f.kind() == kind)).as(kind.name())
                .hasSize(count));

        Set<String> keys = new HashSet<>();
        for (HistoryImport.Fact fact : facts) {
            JsonNode body = fact.body();
            for (JsonNode source : body.get("sources")) {
                URI url = URI.create(source.path("url").asText());
                assertThat(url.getScheme()).as(fact.label()).isIn("http", "https");
                assertThat(url.getHost()).as(fact.label()).isNotBlank();
                assertThat(source.path("title").asText("").length()).as(fact.label()).isLessThanOrEqualTo(500);
                assertThat(source.path("url").asText()).as(fact.label() + ": the corrected 2024 address")
                        .doesNotContain("site.webmanifest");
            }
            assertThat(body.get("sources").size()).as(fact.label()).isBetween(1, 20);
            for (String date : List.of("occurred", "signedOn")) {
                if (body.hasNonNull(date)) {
                    assertThat(body.get(date).path("date").asText()).as(fact.label()).matches(OCCURRED);
                    assertThat(body.get(date).path("precision").asText()).as(fact.label()).isIn("DAY", "MONTH", "YEAR");
                }
            }
            assertThat(body.has("comment") || body.has("regionNameAsInSource")).as(fact.label()).isFalse();
            // one fact per natural key
            String key = switch (fact.kind()) {
                case RESULT_LETTERS -> body.path("number").asText();
                case DECLARED_FIGURES -> fact.path() + body.path("track").asText();
                case RECORDED_ASSESSMENTS -> body.path("programmeYear").asText() + "/" + body.path("track").asText()
                        + "/" + body.path("regionCode").asText() + " member";
                case COHORT_MEMBERS -> fact.path().split("/")[4] + "/KAB_KOTA/" + body.path("regionCode").asText()
                        + " member";
                default -> fact.kind() + body.path("regionCode").asText() + "/" + body.path("programmeYear").asText();
            };
            assertThat(keys.add(key)).as("twice: " + key).isTrue();
        }
        // unknowns are unknown, not invented
        facts.stream().filter(f -> f.kind() == HistoryImport.Kind.RECORDED_MOUS).forEach(f -> {
            assertThat(f.body().get("number").isNull()).isTrue();
            assertThat(f.body().get("numberKnown").asBoolean()).isFalse();
        });
        facts.stream().filter(f -> f.kind() == HistoryImport.Kind.RECORDED_ASSESSMENTS).forEach(f -> {
            assertThat(f.body().get("score").isNull() && !f.body().get("scoreKnown").asBoolean()).isTrue();
            assertThat(f.body().get("rank").isNull() && !f.body().get("rankKnown").asBoolean()).isTrue();
        });
        // partial members keep their doubt and their note
        facts.stream().filter(f -> "partial".equals(f.body().path("confidence").asText()))
                .forEach(f -> assertThat(f.body().path("notes").asText()).as(f.label()).isNotBlank());
        assertThat(facts.stream().filter(f -> "partial".equals(f.body().path("confidence").asText()))).hasSize(5);
    }

    @Test
    void theStoryDoesNotRepeatWhatTheRecordHolds() throws Exception {
        List<HistoryImport.Fact> facts = HistoryImport.facts(HistoryImport.readDefault());
        JsonNode story = JSON.readTree(java.nio.file.Path.of("programme-2022-2023.json").toFile());
        Set<String> recorded = new HashSet<>();
        for (HistoryImport.Fact fact : facts) {
            recorded.add(fact.path().replaceAll("/members$", "") + " " + fact.body().path("regionCode").asText());
            if (fact.body().has("number")) {
                recorded.add("letter " + fact.body().path("number").asText());
            }
        }
        for (JsonNode section : story.get("sections")) {
            for (JsonNode step : section.get("steps")) {
                JsonNode body = step.path("body");
                String path = step.path("path").asText();
                assertThat(recorded).as(step.path("do").asText())
                        .doesNotContain(path.replaceAll("/members$", "") + " " + body.path("regionCode").asText());
                if (body.has("number")) {
                    assertThat(recorded).as(step.path("do").asText()).doesNotContain("letter " + body.path("number").asText());
                }
            }
        }
    }
}
