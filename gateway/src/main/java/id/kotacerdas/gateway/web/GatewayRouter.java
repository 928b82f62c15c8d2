package id.kotacerdas.gateway.web;

import id.kotacerdas.gateway.openapi.ApiDocuments;
import id.kotacerdas.gateway.proxy.ProxyHandler;
import id.kotacerdas.gateway.proxy.Routes;
import id.kotacerdas.platform.web.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Mounts the gateway on Quarkus's HTTP router: the merged API document and the per-service ones, the proxy for every
 * configured path prefix, and a problem+json {@code 404} for anything else. Quarkus's own endpoints (health, metrics,
 * Swagger UI) and its filters (request ids, CORS, security headers) stay in front.
 */
@ApplicationScoped
public class GatewayRouter {

    @Inject
    ProxyHandler proxy;
    @Inject
    Routes routes;
    @Inject
    ApiDocuments documents;

    void mount(@Observes Router router) {
        router.get("/q/openapi").handler(this::mergedDocument);
        router.get("/q/openapi/:route").handler(this::serviceDocument);
        router.route().handler(proxy::handle);
        router.route().last().handler(ctx -> Problems.send(ctx, 404, "not-found", "Not found",
                "No service of the gateway serves " + ctx.request().path() + "."));
    }

    private void mergedDocument(RoutingContext ctx) {
        boolean yaml = wantsYaml(ctx);
        documents.merged().onComplete(result -> {
            if (result.failed()) {
                Problems.send(ctx, 500, "internal", "Internal error", "The API document could not be built.");
                return;
            }
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, yaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(ApiDocuments.render(result.result(), yaml));
        });
    }

    private void serviceDocument(RoutingContext ctx) {
        String name = ctx.pathParam("route");
        routes.byName(name).ifPresentOrElse(
                route -> proxy.forwardPublic(ctx, route, route.config().openapiPath()),
                () -> Problems.send(ctx, 404, "not-found", "Not found", "The gateway has no route named " + name + "."));
    }

    static boolean wantsYaml(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("yaml") && !accept.contains("json");
    }
}
