package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.platform.security.VerifiedTokenIdentities;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is remembered (platform-rest VerifiedTokenIdentities), and every check still holds on the
 * next requests: roles and region bindings decide as before, and a token that differs by one byte, or has expired,
 * is verified and refused.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokenIdentities verified;

    @Test
    void aVerifiedTokenIsRememberedByItsText() {
        String token = Tokens.forUser("cache-first", "auditor");
        assertThat(verified.remembers(token)).isFalse();
        given().auth().oauth2(token).get("/api/v1/regions/18.72").then().statusCode(200);
        assertThat(verified.remembers(token)).isTrue();
        String refused = Tokens.user("cache-refused").roles("auditor").issuer("https://evil.example.com").sign();
        given().auth().oauth2(refused).get("/api/v1/regions/18.72").then().statusCode(401);
        assertThat(verified.remembers(refused)).isFalse();
    }

    @Test
    void aRememberedTokenIsAnsweredFromMemoryOnEveryLaterRequest() {
        String token = Tokens.forUser("cache-hits", "auditor");
        given().auth().oauth2(token).get("/api/v1/regions/18.72").then().statusCode(200);
        long before = verified.hits();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/regions/18.72").then().statusCode(200).body("code", equalTo("18.72"));
        }
        // RememberedBearerMechanism took each one before OIDC's mechanism decoded it again (other tests may add hits)
        assertThat(verified.hits() - before).isGreaterThanOrEqualTo(3);
        // the scheme name is case-insensitive (RFC 9110 11.1), remembered or not
        long again = verified.hits();
        given().header("Authorization", "bearer " + token).get("/api/v1/regions/18.72").then().statusCode(200);
        assertThat(verified.hits()).isGreaterThan(again);
        given().header("Authorization", "Basic " + token).get("/api/v1/regions/18.72").then().statusCode(401);
    }

    @Test
    void aRememberedTokenStillGetsOnlyWhatItsRolesAllow() {
        String officer = Tokens.forRegionOfficer("cache-officer", "18.72");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(officer).get("/api/v1/regions/18.72").then().statusCode(200)
                    .body("code", equalTo("18.72"));
            // the service-wide audit is for the ministry and auditors only, remembered token or not
            given().auth().oauth2(officer).get("/api/v1/audit/region-service").then().statusCode(403);
        }
        String nobody = Tokens.forUser("cache-nobody");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(nobody).get("/api/v1/regions/18.72").then().statusCode(403);
        }
    }

    @Test
    void aTokenChangedByOneByteAfterItsOriginalWasRememberedIsRefused() {
        String token = Tokens.forUser("cache-tamper", "auditor");
        given().auth().oauth2(token).get("/api/v1/regions/18.72").then().statusCode(200);
        int last = token.length() - 2; // inside the signature
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        given().auth().oauth2(tampered).get("/api/v1/regions/18.72").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/regions/18.72").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefusedEvenWhenItsTextWasSeenBefore() {
        String expired = Tokens.user("cache-expired").roles("auditor").lifetime(Duration.ofSeconds(-60)).sign();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(expired).get("/api/v1/regions/18.72").then().statusCode(401);
        }
    }
}
