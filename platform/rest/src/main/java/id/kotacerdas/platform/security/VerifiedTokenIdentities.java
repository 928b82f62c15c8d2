package id.kotacerdas.platform.security;

import id.kotacerdas.platform.web.VerifiedTokenCache;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens that Quarkus OIDC has already verified (signature, issuer, audience, lifetime), remembered by their
 * exact text with the identity OIDC made of them, so a caller's next requests with the same token skip the RS256
 * check and the claim parsing: measured with JFR on region-service, they were some 45 % of the CPU of a request
 * (bench/README.md). The gateway does the same for its own check ({@code VerifiedTokens}).
 * <p>
 * How: {@link RememberedBearerMechanism}, an HTTP authentication mechanism in front of OIDC's, turns a remembered
 * token into an authentication request this {@link IdentityProvider} answers with the remembered identity (OIDC's
 * mechanism would first decode the token's payload again); any other token goes to OIDC, which verifies it in full.
 * A {@link SecurityIdentityAugmentor} ({@link Recorder}) that runs first of all augmentors remembers the identity OIDC
 * produced, before any augmentation: augmentors run on every request, remembered or not, and authorization
 * ({@code @RolesAllowed}, region checks) is untouched.
 * <p>
 * Safe because the key is the whole token: a changed byte is another key and is verified in full. An entry never
 * outlives the token's {@code exp} (nor {@code kotacerdas.security.token-cache.max-age}); failures are never
 * remembered. The cache is {@link VerifiedTokenCache} ({@code kotacerdas.security.token-cache.max-size}, 0 turns it
 * off; {@code max-age}).
 * Consequence: a signing key removed from the realm stops being accepted after at most {@code max-age}.
 */
@ApplicationScoped
public class VerifiedTokenIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from memory (so it is not remembered again). */
    static final String FROM_CACHE = "kotacerdas.token-cache";
    /** Attributes of an identity that belong to the request it was made for, replaced on every reuse. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final LongAdder hits = new LongAdder();
    private VerifiedTokenCache<SecurityIdentity> tokens;
    @ConfigProperty(name = "kotacerdas.security.token-cache.max-size", defaultValue = "10000")
    int maxSize;

    @ConfigProperty(name = "kotacerdas.security.token-cache.max-age", defaultValue = "5m")
    Duration maxAge;

    @PostConstruct
    void init() {
        tokens = new VerifiedTokenCache<>(maxSize, maxAge);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before OIDC's provider, which has the default priority (1001, just above {@link #SYSTEM_FIRST}). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity remembered;
        if (request.getToken() instanceof RememberedBearerMechanism.RememberedToken token) {
            remembered = token.identity(); // found remembered by the mechanism just now
        } else if (request.getToken() instanceof AccessTokenCredential credential && credential.getToken() != null) {
            remembered = remembered(credential.getToken());
        } else {
            remembered = null;
        }
        if (remembered == null) {
            return Uni.createFrom().nullItem(); // OIDC verifies it (or refuses it)
        }
        hits.increment();
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, context)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build());
    }

    /** The identity OIDC made of this exact token when it verified it, while remembered and unexpired; else null. */
    public SecurityIdentity remembered(String token) {
        return tokens.get(token);
    }

    /** How many authentications were answered from memory since start. */
    public long hits() {
        return hits.sum();
    }

    /** Remembers what OIDC verified: the first of all augmentors, it sees the identity as the provider made it. */
    @ApplicationScoped
    static class Recorder implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokenIdentities tokens;

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }

    /** Whether this exact token is remembered as verified (and not expired). */
    public boolean remembers(String token) {
        return remembered(token) != null;
    }

    void remember(SecurityIdentity identity) {
        if (!tokens.enabled() || identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        String token = credential == null ? null : credential.getToken();
        if (token == null || !token.equals(jwt.getRawToken()) || jwt.getExpirationTime() <= 0) {
            return;
        }
        // the request's own attributes are not kept with the entry
        tokens.put(token, QuarkusSecurityIdentity.builder(identity)
                .addAttribute(ROUTING_CONTEXT, null)
                .addAttribute(REQUEST_CONTEXT, null)
                .build(), jwt.getExpirationTime() * 1000);
    }
}
