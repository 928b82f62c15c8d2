package id.kotacerdas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The library as a service uses it: real PostgreSQL, real Kafka, tokens the service validates. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "probe"))
@WithTestResource(OidcWiremockTestResource.class)
class QuarkusServiceTest {

    @Test
    void serviceAcceptsARegionOfficerToken() {
        given().auth().oauth2(Tokens.forRegionOfficer("siti", "18.72"))
                .get("/probe/officer")
                .then().statusCode(200)
                .body("name", equalTo("siti"))
                .body("sub", equalTo(Tokens.subjectOf("siti")))
                .body("regionCode", equalTo("18.72"))
                .body("roles", contains("region-officer"));
    }

    @Test
    void realmRolesDecideAccess() {
        given().auth().oauth2(Tokens.forUser("ana", "auditor")).get("/probe/auditor").then().statusCode(200).body(equalTo("ana"));
        given().auth().oauth2(Tokens.forUser("ana", "auditor")).get("/probe/officer").then().statusCode(403);
    }

    @Test
    void serviceRejectsMissingForeignExpiredAndMisaddressedTokens() {
        given().get("/probe/auditor").then().statusCode(401);
        given().auth().oauth2(Tokens.user("ana").roles("auditor").lifetime(Duration.ofMinutes(-5)).sign())
                .get("/probe/auditor").then().statusCode(401);
        given().auth().oauth2(Tokens.user("ana").roles("auditor").audience("https://server.example.com").sign())
                .get("/probe/auditor").then().statusCode(401);
        given().auth().oauth2(Tokens.user("ana").roles("auditor").issuer("https://evil.example.com").sign())
                .get("/probe/auditor").then().statusCode(401);
    }

    @Test
    void datasourcesLogInAsTheServicesOwnUser() {
        given().get("/probe/db/reactive").then().statusCode(200).body(equalTo("probe@probe"));
        given().get("/probe/db/jdbc").then().statusCode(200).body(equalTo("probe@probe"));
        QuarkusRestartTest.assertSameServersAsEveryOtherTestClass();
    }

    @Test
    void serviceProducesToTheBroker() {
        String key = UUID.randomUUID().toString();
        try (KafkaEvents events = KafkaEvents.on("kotacerdas.probe.v1")) {
            given().body("hello").post("/probe/events/" + key).then().statusCode(200);
            assertEquals("hello", events.awaitRecordWithKey(key, Duration.ofSeconds(30)).value());
        }
    }

    @Test
    void serviceReachesTheBrokerAgainAfterARestart() throws Exception {
        String key = UUID.randomUUID().toString();
        given().body("warm-up").post("/probe/events/" + UUID.randomUUID()).then().statusCode(200);
        InfrastructureTestResource.stopKafka();
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> given().body("while-down").post("/probe/events/" + key).then().extract().statusCode());
        try {
            Thread.sleep(1500);
            assertEquals(false, pending.isDone(), "not acknowledged while the broker is down");
        } finally {
            InfrastructureTestResource.startKafka();
        }
        assertEquals(200, pending.get(60, java.util.concurrent.TimeUnit.SECONDS));
        try (KafkaEvents events = KafkaEvents.on("kotacerdas.probe.v1")) {
            assertEquals("while-down", events.awaitRecordWithKey(key, Duration.ofSeconds(30)).value());
        }
    }
}
