package id.kotacerdas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.junit.jupiter.api.Test;

class TokensTest {

    /** Verifies with the public key that OidcWiremockTestResource publishes (publicKey.jwk, kid 1). */
    private static JwtClaims verify(String token) throws Exception {
        return consumer(true).processToClaims(token);
    }

    private static JwtConsumer consumer(boolean checkExpiry) throws Exception {
        JsonWebKey key;
        try (InputStream in = TokensTest.class.getClassLoader().getResourceAsStream("publicKey.jwk")) {
            key = JsonWebKey.Factory.newJwk(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JwtConsumerBuilder b = new JwtConsumerBuilder()
                .setVerificationKey(key.getKey())
                .setExpectedIssuer("https://server.example.com")
                .setExpectedAudience("https://service.example.com")
                .setRequireExpirationTime()
                .setRequireSubject();
        if (!checkExpiry) {
            b.setSkipDefaultAudienceValidation().setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(0));
        }
        return b.build();
    }

    @Test
    void userTokenCarriesKeycloakShapedClaims() throws Exception {
        String token = Tokens.forUser("ana", "ministry-admin", "auditor");
        JwtClaims claims = verify(token);

        assertEquals("ana", claims.getStringClaimValue("preferred_username"));
        assertEquals(Tokens.subjectOf("ana"), claims.getSubject());
        assertEquals(List.of("https://service.example.com"), claims.getAudience());
        assertEquals(Map.of("roles", List.of("ministry-admin", "auditor")), claims.getClaimValue("realm_access"));
        assertFalse(claims.hasClaim("region_code"));
        assertFalse(claims.hasClaim("groups"), "roles only where Keycloak puts them");
        assertEquals("Bearer", claims.getStringClaimValue("typ"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(3600, lifetime);
        assertTrue(Math.abs(claims.getIssuedAt().getValue() - System.currentTimeMillis() / 1000) < 60);

        JwtContext context = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                .setSkipSignatureVerification().build().process(token);
        assertEquals("1", context.getJoseObjects().get(0).getKeyIdHeaderValue());
        assertEquals("RS256", context.getJoseObjects().get(0).getAlgorithmHeaderValue());
    }

    @Test
    void regionOfficerTokenNamesTheRegion() throws Exception {
        JwtClaims claims = verify(Tokens.forRegionOfficer("siti", "18.72"));
        assertEquals("siti", claims.getStringClaimValue("preferred_username"));
        assertEquals("18.72", claims.getStringClaimValue("region_code"));
        assertEquals(Map.of("roles", List.of("region-officer")), claims.getClaimValue("realm_access"));
    }

    @Test
    void subjectIsAStableUuidPerUser() throws Exception {
        assertEquals(verify(Tokens.forUser("budi")).getSubject(), verify(Tokens.forUser("budi", "assessor")).getSubject());
        assertNotEquals(Tokens.subjectOf("budi"), Tokens.subjectOf("ana"));
        assertEquals(Tokens.subjectOf("budi"), UUID.fromString(Tokens.subjectOf("budi")).toString());
        assertNotEquals(verify(Tokens.forUser("budi")).getJwtId(), verify(Tokens.forUser("budi")).getJwtId());
    }

    @Test
    void builderTailorsTokens() throws Exception {
        String expired = Tokens.user("ana").roles("auditor").lifetime(Duration.ofMinutes(-5)).sign();
        assertThrows(InvalidJwtException.class, () -> verify(expired));

        String otherAudience = Tokens.user("ana").audience("https://elsewhere.example.com").sign();
        assertThrows(InvalidJwtException.class, () -> verify(otherAudience));

        JwtClaims extra = verify(Tokens.user("ana").claim("org", Map.of("id", "kemendagri")).sign());
        assertEquals(Map.of("id", "kemendagri"), extra.getClaimValue("org"));
    }
}
