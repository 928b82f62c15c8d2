package id.kotacerdas.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one OAuth2 security scheme of every Kota Cerdas API document (each service's own and the gateway's merged one),
 * so that Swagger UI's Authorize button works the same everywhere: the authorization code flow with PKCE for people
 * (public client {@code kotacerdas-cli}) and client credentials for integrators, both at the Keycloak realm
 * {@code kotacerdas}. Roles are realm roles in the token, not OAuth2 scopes: each operation names the roles it admits in
 * its description, and its security requirement asks for no scope.
 */
public final class ApiSecurity {

    /** The scheme's name in {@code components.securitySchemes}. */
    public static final String SCHEME = "keycloak";
    /** The realm as browsers reach it, when nothing else is configured. */
    public static final String DEFAULT_REALM_URL = "http://localhost:8180/realms/kotacerdas";
    public static final String AUTHORIZATION_PATH = "/protocol/openid-connect/auth";
    public static final String TOKEN_PATH = "/protocol/openid-connect/token";
    /** The realm roles, in the order the descriptions name them. */
    public static final String[] ROLES = { "ministry-admin", "assessor", "region-officer", "integrator", "auditor" };

    public static final String DESCRIPTION = "Keycloak realm `kotacerdas`: a bearer access token (a JWT signed by the "
            + "realm, RS256, checked as RFC8725 asks: signature against the realm's published keys, `iss`, `exp`; no "
            + "`none` algorithm). People sign in with the authorization code flow and PKCE (S256; public client "
            + "`kotacerdas-cli`), integrators use client credentials (confidential client). Access tokens live 15 minutes; "
            + "the code flow's refresh token renews them at the token endpoint, client-credentials callers ask for a new "
            + "one. Access is decided by realm roles in the token (`realm_access.roles`), not by scopes: ministry-admin, "
            + "assessor, region-officer (bound to one region by the `region_code` claim), integrator, auditor. Each "
            + "operation names the roles it admits.";

    private ApiSecurity() {
    }

    /** The OAuth2 scopes the realm grants to the API's clients (none of them decides access). */
    public static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("openid", "OpenID Connect sign-in (an ID token besides the access token).");
        scopes.put("profile", "The user's name claims in the tokens.");
        scopes.put("email", "The user's e-mail claims in the tokens.");
        return scopes;
    }

    /** {@code realm} without a trailing slash. */
    public static String realm(String realm) {
        String value = realm == null || realm.isBlank() ? DEFAULT_REALM_URL : realm.trim();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** The sentence appended to an operation's description that names the roles it admits. */
    public static String rolesSentence(Iterable<String> roles) {
        StringBuilder out = new StringBuilder("Roles: ");
        boolean first = true;
        for (String role : roles) {
            out.append(first ? "" : ", ").append('`').append(role).append('`');
            first = false;
        }
        return out.append('.').toString();
    }
}
