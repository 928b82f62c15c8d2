package id.kotacerdas.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Other test resources than {@link QuarkusServiceTest}, so Quarkus restarts (in a new class loader) between the two
 * classes: the database is another one, the servers are the same.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "probe_two"))
@WithTestResource(OidcWiremockTestResource.class)
class QuarkusRestartTest {

    @Test
    void restartedServiceGetsItsOwnDatabaseOnTheSameServers() {
        given().get("/probe/db/reactive").then().statusCode(200).body(equalTo("probe_two@probe_two"));
        given().get("/probe/db/jdbc").then().statusCode(200).body(equalTo("probe_two@probe_two"));
        assertSameServersAsEveryOtherTestClass();
    }

    /** Whichever test class runs first records the addresses; any later one must see the same. */
    static void assertSameServersAsEveryOtherTestClass() {
        String servers = "pg:" + InfrastructureTestResource.postgresPort() + " kafka:" + InfrastructureTestResource.kafkaBootstrapServers();
        System.getProperties().putIfAbsent("kotacerdas.test.servers", servers);
        assertEquals(System.getProperty("kotacerdas.test.servers"), servers, "one PostgreSQL and one broker per JVM");
    }
}
