package id.kotacerdas.platform.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A service whose replica is empty: not ready, and a lookup is a 503 problem, until the registry has arrived. Own
 * database and own topic, so nothing another test seeded can reach it first.
 */
@QuarkusTest
@TestProfile(RegistryLifecycleTest.OwnTopic.class)
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry_lifecycle"))
class RegistryLifecycleTest {

    static final String TOPIC = "kotacerdas.region-registry-lifecycle.v1";

    public static class OwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.region-registry.topic", TOPIC);
        }
    }

    @Test
    void notReadyAndLookupsAre503UntilTheRegistryHasArrivedThenLookupsAnswer() {
        Map<String, Object> check = RegistryTesting.readiness();
        assertThat(check.get("status")).isEqualTo("DOWN");
        assertThat(check.get("data")).isEqualTo(Map.of("version", 0, "size", 0, "held", 0));
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/probe/regions/18.72").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", endsWith("/registry-unavailable"))
                .body("title", equalTo("Region registry not ready"))
                .body("status", equalTo(503));
        given().get("/probe/regions/99.99").then().statusCode(503);

        RegistrySeed.registry().topic(TOPIC).send();

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "UP".equals(RegistryTesting.readiness().get("status")));
        assertThat(RegistryTesting.readiness().get("data"))
                .isEqualTo(Map.of("version", (int) RegistrySeed.bundledVersion(), "size", 578, "held", 578));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/probe/regions/18.72").then().statusCode(200)
                .body("level", equalTo("KOTA"))
                .body("provinceCode", equalTo("18"));
        given().get("/probe/regions/91.01").then().statusCode(200).body("code", equalTo("93.01"));
        given().get("/probe/regions/99.99").then().statusCode(404);
    }
}
