package id.kotacerdas.platform.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing POST of an {@link Idempotent} resource replays its first answer to a retry with the same
 * {@code Idempotency-Key} (issue 25): the probe actions count each application, so a second effect would show.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "inbox"))
@WithTestResource(OidcWiremockTestResource.class)
class IdempotentActionTest {

    private static String name() {
        return "a" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int applications(String name) {
        return given().get("/test/actions/" + name).then().statusCode(200).extract().path("applications");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothing() {
        String name = name();
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = given().header("Idempotency-Key", key).header("If-Match", "\"0\"")
                .contentType("application/json").body("{\"note\":\"first\"}")
                .post("/test/actions/" + name + "/applications").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("applications", equalTo(1)).extract();
        given().header("Idempotency-Key", key).header("If-Match", "\"0\"")
                .contentType("application/json").body("{\"note\":\"first\"}")
                .post("/test/actions/" + name + "/applications").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"))
                .body("applications", equalTo(1)).body("note", equalTo("first"));
        assertThat(applications(name)).isEqualTo(1);

        // without a key, every call is an action of its own (as before)
        given().contentType("application/json").body("{}").post("/test/actions/" + name + "/applications")
                .then().statusCode(200).body("applications", equalTo(2));
        // a new key is a new action
        given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType("application/json").body("{}")
                .post("/test/actions/" + name + "/applications").then().statusCode(200)
                .body("applications", equalTo(3));
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndChangesNothing() {
        String name = name();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType("application/json").body("{\"note\":\"one\"}")
                .post("/test/actions/" + name + "/applications").then().statusCode(200);
        // another body, another precondition, another operation: each is another request
        given().header("Idempotency-Key", key).contentType("application/json").body("{\"note\":\"two\"}")
                .post("/test/actions/" + name + "/applications").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        given().header("Idempotency-Key", key).header("If-Match", "\"7\"").contentType("application/json")
                .body("{\"note\":\"one\"}").post("/test/actions/" + name + "/applications").then().statusCode(422);
        given().header("Idempotency-Key", key).post("/test/actions/" + name + "/plain").then().statusCode(422);
        assertThat(applications(name)).isEqualTo(1);
    }

    @Test
    void anActionAnsweringItsRepresentationReplaysItToo() {
        String name = name();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).post("/test/actions/" + name + "/plain").then().statusCode(200)
                .body("applications", equalTo(1));
        given().header("Idempotency-Key", key).post("/test/actions/" + name + "/plain").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("applications", equalTo(1)).body("name", equalTo(name));
        assertThat(applications(name)).isEqualTo(1);
    }

    @Test
    void aRefusalIsNotStoredSoTheRetryRunsAgain() {
        String name = name();
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Idempotency-Key", key).post("/test/actions/" + name + "/refusals").then().statusCode(409)
                    .header("Idempotent-Replayed", nullValue())
                    .body("detail", equalTo("refused after 1 applications"));
        }
        assertThat(applications(name)).isZero();
    }

    @Test
    void aMethodThatTakesTheKeyItselfIsLeftAlone() {
        String name = name();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).post("/test/actions/" + name + "/own-key").then().statusCode(200)
                .body("applications", equalTo(1)).body("note", equalTo(key));
        given().header("Idempotency-Key", key).post("/test/actions/" + name + "/own-key").then().statusCode(200)
                .body("applications", equalTo(2));
    }

    @Test
    void aMalformedKeyIs400() {
        String name = name();
        given().header("Idempotency-Key", "with space").post("/test/actions/" + name + "/plain").then().statusCode(400)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(applications(name)).isZero();
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceHaveOneEffectAndOneAnswer() throws Exception {
        String name = name();
        String key = UUID.randomUUID().toString();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> sent = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return given().header("Idempotency-Key", key).contentType("application/json").body("{}")
                    .post("/test/actions/" + name + "/applications").then().statusCode(200)
                    .extract().<Integer>path("applications");
        })).toList();
        for (CompletableFuture<Integer> answer : sent) {
            assertThat(answer.get()).isEqualTo(1);
        }
        assertThat(applications(name)).isEqualTo(1);
    }
}
