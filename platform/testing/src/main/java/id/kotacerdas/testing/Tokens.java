package id.kotacerdas.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Keycloak-shaped access tokens that a service really validates, for tests that run
 * {@code io.quarkus.test.oidc.server.OidcWiremockTestResource} (an in-process WireMock OIDC server; its discovery
 * document names the issuer {@value #ISSUER} and its JWKS holds the public half of {@code privateKey.jwk}, key id
 * {@code 1}, which comes with {@code quarkus-test-oidc-server} and signs these tokens).
 * <p>
 * Claims: {@code iss} {@value #ISSUER}, {@code aud} {@value #AUDIENCE}, {@code sub} a UUID derived from the user name
 * ({@link #subjectOf(String)}), {@code preferred_username}, {@code realm_access: {roles: [...]}} (where Quarkus OIDC
 * finds Keycloak's realm roles by default), {@code region_code} when given, {@code typ: Bearer}, {@code azp}
 * {@value #CLIENT_ID}, {@code iat} now, {@code exp} in one hour, a random {@code jti}.
 *
 * <h2>What a service's tests need</h2>
 * {@code src/main/resources/application.properties} (or {@code src/test/resources}):
 *
 * <pre>
 * %test.quarkus.oidc.auth-server-url=${keycloak.url}/realms/quarkus/
 * %test.quarkus.oidc.client-id=quarkus-service-app
 * %test.quarkus.oidc.token.audience=https://service.example.com
 * %test.smallrye.jwt.sign.key.location=privateKey.jwk
 * %test.quarkus.keycloak.devservices.enabled=false
 * </pre>
 *
 * ({@code keycloak.url} is published by {@code OidcWiremockTestResource}; with {@code quarkus.oidc.token.audience} the
 * service rejects tokens whose {@code aud} lacks it, such as OidcWiremockTestResource's own tokens) and on each test
 * class (or see {@link InfrastructureTestResource} for the once-per-module form)
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
 * @WithTestResource(OidcWiremockTestResource.class)
 * class RegionResourceTest {
 *     @Test
 *     void officerReadsOwnRegion() {
 *         given().auth().oauth2(Tokens.forRegionOfficer("siti", "18.72")).get("/api/v1/regions/18.72").then().statusCode(200);
 *     }
 * }
 * }</pre>
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "https://service.example.com";
    public static final String CLIENT_ID = "quarkus-service-app";
    public static final String REGION_CODE_CLAIM = "region_code";
    public static final String REGION_OFFICER_ROLE = "region-officer";
    /** Key id of {@code privateKey.jwk} in the JWKS of {@code OidcWiremockTestResource}. */
    static final String KEY_ID = "1";
    static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    /** A signed access token of {@code username} with these realm roles. */
    public static String forUser(String username, String... realmRoles) {
        return user(username).roles(realmRoles).sign();
    }

    /** A signed access token of a {@value #REGION_OFFICER_ROLE} bound to {@code regionCode} by the {@value #REGION_CODE_CLAIM} claim. */
    public static String forRegionOfficer(String username, String regionCode) {
        return user(username).roles(REGION_OFFICER_ROLE).regionCode(regionCode).sign();
    }

    /** A token to tailor (other claims, an expired token, another audience...). */
    public static Builder user(String username) {
        return new Builder(username);
    }

    /** The stable {@code sub} of a user's tokens: a name-based (type 3) UUID of {@code "kotacerdas:" + username}. */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(("kotacerdas:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static final class Builder {
        private final String username;
        private final Set<String> roles = new LinkedHashSet<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String regionCode;
        private String issuer = ISSUER;
        private Set<String> audience = Set.of(AUDIENCE);
        private Duration lifetime = Duration.ofHours(1);

        private Builder(String username) {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("username is required");
            }
            this.username = username;
        }

        public Builder roles(String... realmRoles) {
            roles.addAll(List.of(realmRoles));
            return this;
        }

        public Builder regionCode(String regionCode) {
            this.regionCode = regionCode;
            return this;
        }

        /** Any further claim; a {@code Map} or {@code Collection} value becomes a JSON object or array. */
        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String... audience) {
            this.audience = new LinkedHashSet<>(List.of(audience));
            return this;
        }

        /** Time to live from now; a negative duration gives an expired token. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            long now = System.currentTimeMillis() / 1000;
            JwtClaimsBuilder jwt = Jwt.claims()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subjectOf(username))
                    .preferredUserName(username)
                    .claim("typ", "Bearer")
                    .claim("azp", CLIENT_ID)
                    .claim("jti", UUID.randomUUID().toString())
                    .claim("realm_access", Map.of("roles", new ArrayList<>(roles)))
                    .issuedAt(lifetime.isNegative() ? now + lifetime.getSeconds() - 60 : now)
                    .expiresAt(now + lifetime.getSeconds());
            if (regionCode != null) {
                jwt.claim(REGION_CODE_CLAIM, regionCode);
            }
            claims.forEach(jwt::claim);
            return jwt.jws().keyId(KEY_ID).sign(SIGNING_KEY);
        }
    }
}
