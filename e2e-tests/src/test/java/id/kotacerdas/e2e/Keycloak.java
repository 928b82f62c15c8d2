package id.kotacerdas.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the running Keycloak, for the demo accounts (password = user name). */
final class Keycloak {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Keycloak() {
    }

    /** A service-account token of the integrator client (client credentials, role integrator). */
    static String integratorToken() {
        return TOKENS.computeIfAbsent("client:kotacerdas-integrator", u -> given().baseUri(RunningSuite.KEYCLOAK)
                .formParam("grant_type", "client_credentials").formParam("client_id", "kotacerdas-integrator")
                .formParam("client_secret", "integrator-secret")
                .post("/realms/kotacerdas/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> tokenAt(RunningSuite.KEYCLOAK, u));
    }

    /** A fresh token asked at {@code keycloak} (e.g. {@code http://127.0.0.1:8180} instead of localhost). */
    static String tokenAt(String keycloak, String user) {
        return given().baseUri(keycloak)
                .formParam("grant_type", "password").formParam("client_id", "kotacerdas-cli")
                .formParam("username", user).formParam("password", user)
                .post("/realms/kotacerdas/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The {@code iss} claim of a JWT (read, not verified). */
    static String issuer(String jwt) {
        String payload = jwt.split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return JsonPath.from(json).getString("iss");
    }
}
