package id.kotacerdas.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.openapi.ApiDocumentMerger.ServiceDocument;
import id.kotacerdas.gateway.openapi.ApiDocumentMerger.Unavailable;
import id.kotacerdas.gateway.proxy.Instance;
import id.kotacerdas.gateway.proxy.Route;
import id.kotacerdas.gateway.proxy.Routes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fetches every route's OpenAPI document and merges them ({@link ApiDocumentMerger}), at request time with a short
 * cache, so that a route added to the configuration appears without other changes and a service that comes back
 * reappears. Concurrent requests share one build.
 */
@ApplicationScoped
public class ApiDocuments {

    private static final Logger LOG = Logger.getLogger(ApiDocuments.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    @Inject
    Routes routes;
    @Inject
    GatewayConfig config;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcAuthServerUrl;

    private ApiDocumentMerger merger;
    private Future<ObjectNode> building;
    private ObjectNode cached;
    private long cachedUntil;

    @PostConstruct
    void init() {
        ObjectNode components;
        try (InputStream in = ApiDocuments.class.getResourceAsStream("/openapi/gateway-components.json")) {
            components = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String realm = config.openapi().authServerUrl().map(URI::toString).or(() -> oidcAuthServerUrl)
                .orElse("http://localhost:8180/realms/kotacerdas");
        realm = realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
        String server = config.publicUrl().map(URI::toString).orElse("/");
        merger = new ApiDocumentMerger(new ApiDocumentMerger.Settings(config.openapi().title(), config.openapi().version(),
                server, realm + "/protocol/openid-connect/auth", realm + "/protocol/openid-connect/token"), components);
    }

    /** The merged document; completes on the caller's Vert.x context. */
    public synchronized Future<ObjectNode> merged() {
        long now = System.nanoTime();
        if (cached != null && now - cachedUntil < 0) {
            return Future.succeededFuture(cached);
        }
        if (building != null) {
            return building;
        }
        Future<ObjectNode> build = build();
        building = build;
        build.onComplete(done -> {
            synchronized (ApiDocuments.this) {
                building = null;
                if (done.succeeded()) {
                    cached = done.result();
                    cachedUntil = System.nanoTime() + config.openapi().cacheTtl().toNanos();
                }
            }
        });
        return build;
    }

    private Future<ObjectNode> build() {
        List<Route> all = routes.all();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (Route route : all) {
            fetches.add(fetch(route));
        }
        return Future.join(new ArrayList<>(fetches)).transform(ignored -> {
            List<ServiceDocument> services = new ArrayList<>();
            List<Unavailable> unavailable = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Route route = all.get(i);
                Future<JsonNode> fetch = fetches.get(i);
                String url = documentPath(route);
                if (fetch.succeeded() && fetch.result() instanceof ObjectNode doc && doc.has("paths")) {
                    services.add(new ServiceDocument(route.name(), route::serves, route::isPublic, doc, url,
                            route.config().rateLimit().requests().isPresent()));
                } else {
                    String reason = fetch.failed() ? String.valueOf(fetch.cause().getMessage()) : "not an OpenAPI document";
                    LOG.warnf("API document of route %s left out of the merged document: %s", route.name(), reason);
                    unavailable.add(new Unavailable(route.name(), reason, url));
                }
            }
            return Future.succeededFuture(merger.merge(services, unavailable));
        });
    }

    /** Where the gateway serves a route's own document. */
    public static String documentPath(Route route) {
        return "/q/openapi/" + route.name();
    }

    private Future<JsonNode> fetch(Route route) {
        long timeout = config.openapi().fetchTimeout().toMillis();
        Instance instance = route.pick();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + route.config().openapiPath() + "?format=json")
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(timeout)
                .setTimeout(timeout);
        return route.client().request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return response.body().compose(b -> Future.failedFuture("the service answered " + response.statusCode()));
                    }
                    return response.body();
                })
                .compose(body -> {
                    try {
                        return Future.succeededFuture(JSON.readTree(body.getBytes()));
                    } catch (IOException e) {
                        return Future.failedFuture("its document is not JSON: " + e.getMessage());
                    }
                })
                .recover(error -> Future.failedFuture(error.getMessage() == null ? error.toString() : error.getMessage()));
    }

    public static Buffer render(JsonNode document, boolean yaml) {
        try {
            return Buffer.buffer(yaml ? YAML.writeValueAsBytes(document) : JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
