package id.kotacerdas.gateway.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console: a read-only browser app on the public API, served by the gateway. {@code /} and every page path under
 * {@code /console/} answer the same HTML shell ({@code META-INF/resources/console/index.html}); the app's scripts,
 * styles and the charting library are static files that Quarkus serves ({@code /console/assets/...},
 * {@code /webjars/...}). {@code /console/config.json} tells the app where to sign in (Keycloak, authorization code with
 * PKCE, a public client): the realm the gateway itself trusts unless {@code gateway.console.auth-server-url} names the
 * address browsers reach it at.
 */
@ApplicationScoped
public class ConsoleRoutes {

    /** A page of the app: letters, digits, dots, dashes and slashes, no file extension (those are assets). */
    static final Pattern PAGE = Pattern.compile("/console(?:/(?:nasional|kohort|daerah|monev)(?:/[A-Za-z0-9.-]*)?)?/?");

    @Inject
    @ConfigProperty(name = "gateway.console.auth-server-url")
    Optional<String> consoleAuthServer;
    @Inject
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServer;
    @Inject
    @ConfigProperty(name = "gateway.console.client-id", defaultValue = "kotacerdas-cli")
    String clientId;

    private Buffer shell;

    void mount(@Observes Router router) {
        shell = Buffer.buffer(read("META-INF/resources/console/index.html"));
        router.get("/").order(-10).handler(this::page);
        router.getWithRegex(PAGE.pattern()).order(-10).handler(this::page);
        router.get("/console/config.json").order(-10).handler(this::config);
    }

    private void page(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(shell);
    }

    private void config(RoutingContext ctx) {
        String issuer = consoleAuthServer.filter(s -> !s.isBlank()).orElse(authServer).replaceAll("/+$", "");
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(new JsonObject().put("issuer", issuer).put("clientId", clientId).encode());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
