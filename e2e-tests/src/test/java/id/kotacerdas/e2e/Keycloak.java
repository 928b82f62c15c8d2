package id.kotacerdas.e2e;

import static io.restassured.RestAssured.given;

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
        return TOKENS.computeIfAbsent(user, u -> given().baseUri(RunningSuite.KEYCLOAK)
                .formParam("grant_type", "password").formParam("client_id", "kotacerdas-cli")
                .formParam("username", u).formParam("password", u)
                .post("/realms/kotacerdas/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }
}
