package id.kotacerdas.gateway.web;

import id.kotacerdas.gateway.openapi.ApiDocuments;
import id.kotacerdas.gateway.proxy.ProxyHandler;
import id.kotacerdas.gateway.proxy.Routes;
import id.kotacerdas.platform.web.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;

/**
 * Mounts the gateway on Quarkus's HTTP router: the merged API document and the per-service ones, every service's
 * events documents (AsyncAPI and JSON Schemas, {@code /events/<route>/...}, indexed at {@code /events}), the proxy for
 * every configured path prefix, and a problem+json {@code 404} for anything else. Quarkus's own endpoints (health, metrics,
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
        router.get("/events").handler(this::eventDocuments);
        router.get("/events/:route/*").handler(this::eventDocument);
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

    /** Where each service's AsyncAPI document is served through the gateway. */
    private void eventDocuments(RoutingContext ctx) {
        JsonArray services = new JsonArray();
        routes.all().forEach(route -> services.add(new JsonObject().put("route", route.name())
                .put("asyncapi", eventDocumentPath(route.name())).put("schemas", "/events/" + route.name() + "/schemas/")));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(new JsonObject().put("description", "The events of every Kota Cerdas service on Kafka: each "
                        + "service's AsyncAPI document and the JSON Schemas of its event data, served by the service "
                        + "and passed through here without a token.").put("services", services).encodePrettily());
    }

    /** {@code /events/<route>/<file>}: the route's own {@code eventsPath}/{@code <file>}, public like the API documents. */
    private void eventDocument(RoutingContext ctx) {
        String name = ctx.pathParam("route");
        String file = ctx.pathParam("*");
        var route = routes.byName(name);
        if (route.isEmpty() || file == null || !EVENT_FILE.matcher(file).matches()) {
            Problems.send(ctx, 404, "not-found", "Not found", route.isEmpty()
                    ? "The gateway has no route named " + name + "."
                    : "No events document " + file + " of route " + name + ".");
            return;
        }
        proxy.forwardPublic(ctx, route.get(), route.get().config().eventsPath() + "/" + file);
    }

    /** An AsyncAPI document or schema file name under a service's events path: no {@code ..}, no encoded characters. */
    static final Pattern EVENT_FILE = Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    public static String eventDocumentPath(String route) {
        return "/events/" + route + "/asyncapi.yaml";
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
