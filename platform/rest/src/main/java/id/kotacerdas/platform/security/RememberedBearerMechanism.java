package id.kotacerdas.platform.security;

import id.kotacerdas.platform.web.BearerTokens;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Answers a bearer token that {@link VerifiedTokenIdentities} remembers as verified before Quarkus OIDC's mechanism
 * looks at it: OIDC's bearer mechanism decodes every token's payload (to tell a JWT from an opaque token) before any
 * identity provider is asked, which JFR put at ~16 % of the CPU of a region lookup (bench/README.md).
 * <p>
 * A remembered token becomes a {@link TokenAuthenticationRequest} that goes through the {@link IdentityProviderManager}
 * like any other, so every augmentor runs and authorization ({@code @RolesAllowed}, region checks) decides as
 * before. Any other request (no bearer token, a token not remembered or expired) gets {@code null} here, and OIDC's
 * mechanism authenticates it in full; challenges (401) are OIDC's and the problem mappers'.
 */
@ApplicationScoped
public class RememberedBearerMechanism implements HttpAuthenticationMechanism {

    @Inject
    VerifiedTokenIdentities tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = BearerTokens.fromAuthorization(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        SecurityIdentity remembered = token == null ? null : tokens.remembered(token);
        if (remembered == null) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new RememberedToken(token, remembered));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // OIDC's mechanism challenges
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem(); // never chosen for a path-specific mechanism: OIDC's is
    }

    /** Before OIDC's mechanism (its default priority is {@code DEFAULT_PRIORITY + 1}). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    /** A bearer token found remembered, with the identity OIDC made of it when it verified the token. */
    static final class RememberedToken extends TokenCredential {
        private final SecurityIdentity identity;

        RememberedToken(String token, SecurityIdentity identity) {
            super(token, "bearer");
            this.identity = identity;
        }

        SecurityIdentity identity() {
            return identity;
        }
    }
}
