package id.kotacerdas.gateway.web;

import id.kotacerdas.gateway.openapi.ApiDocuments;
import id.kotacerdas.gateway.problems.ProblemCatalogue;
import id.kotacerdas.gateway.proxy.ProxyHandler;
import id.kotacerdas.gateway.proxy.Routes;
import id.kotacerdas.platform.web.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mounts the gateway on Quarkus's HTTP router: the merged API document and the per-service ones, every service's
 * events documents (AsyncAPI and JSON Schemas, {@code /events/<route>/...}, indexed at {@code /events}), the catalogue of
 * problem types ({@code /problems}, {@code /problems/<slug>}: JSON or HTML by {@code Accept}), the proxy for every
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
    @Inject
    ProblemCatalogue problems;

    /** The catalogue changes only with a release: caches may keep it for an hour (and revalidate by ETag). */
    static final String PROBLEMS_CACHE = "public, max-age=3600";

    void mount(@Observes Router router) {
        router.get("/q/openapi").handler(this::mergedDocument);
        router.get("/q/openapi/:route").handler(this::serviceDocument);
        router.get("/events").handler(this::eventDocuments);
        router.get("/events/:route/*").handler(this::eventDocument);
        router.route(ProblemCatalogue.PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::problemTypes);
        router.route(ProblemCatalogue.PATH + "/:slug").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::problemType);
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

    /** {@code /problems}: every problem type the suite emits, public. */
    private void problemTypes(RoutingContext ctx) {
        negotiated(ctx).ifPresent(html -> serveProblems(ctx, problems.list(html), html));
    }

    /** {@code /problems/<slug>}: what one problem type means and what to do about it; an unknown slug is a 404 problem. */
    private void problemType(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        negotiated(ctx).ifPresent(html -> problems.entry(slug, html).ifPresentOrElse(
                rendering -> serveProblems(ctx, rendering, html),
                () -> Problems.send(ctx, 404, "not-found", "Not found", "No problem type " + slug
                        + " is known; the list is at " + ProblemCatalogue.PATH + ".")));
    }

    private static void serveProblems(RoutingContext ctx, ProblemCatalogue.Rendering rendering, boolean html) {
        // one ETag per rendering: the JSON and the HTML of the same type differ
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, PROBLEMS_CACHE).putHeader(HttpHeaders.VARY, "Accept")
                .putHeader(HttpHeaders.ETAG, rendering.etag());
        String match = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.trim().equals("*") || match.contains(rendering.etag()))) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, html ? "text/html;charset=UTF-8" : "application/json;charset=UTF-8")
                .end(rendering.body());
    }

    /**
     * Whether to answer HTML ({@code true}) or JSON ({@code false}): {@code ?format=html|json} first, else the
     * {@code Accept} header by quality (a media type named exactly beats a wildcard at the same quality; JSON when
     * neither is preferred, and without {@code Accept}). Neither acceptable: a 406 problem has been sent, empty.
     */
    private static Optional<Boolean> negotiated(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        Boolean html = format != null ? switch (format.toLowerCase(Locale.ROOT)) {
            case "html" -> Boolean.TRUE;
            case "json" -> Boolean.FALSE;
            default -> null;
        } : prefersHtml(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (html == null) {
            Problems.send(ctx, 406, "not-acceptable", "Not Acceptable",
                    "The problem catalogue is served as application/json or text/html (?format=json or ?format=html).");
            return Optional.empty();
        }
        return Optional.of(html);
    }

    /** {@code true} for HTML, {@code false} for JSON, {@code null} when the header accepts neither. */
    static Boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double[] json = { -1, -1 }; // quality, specificity (2 exact, 1 type/*, 0 */*) of the best range matching it
        double[] html = { -1, -1 };
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            match(json, type, q, "application/json", "application/problem+json");
            match(html, type, q, "text/html", "application/xhtml+xml");
        }
        double jsonQ = Math.max(json[0], 0);
        double htmlQ = Math.max(html[0], 0);
        if (jsonQ <= 0 && htmlQ <= 0) {
            return null;
        }
        if (htmlQ != jsonQ) {
            return htmlQ > jsonQ;
        }
        return html[1] > json[1];
    }

    /**
     * Takes a media range into the best match so far of a representation known by these media types: the most
     * specific matching range decides (RFC 9110 12.5.1), among equally specific ones the best quality.
     */
    private static void match(double[] best, String range, double q, String... types) {
        for (String type : types) {
            int specificity = range.equals(type) ? 2
                    : range.equals(type.substring(0, type.indexOf('/')) + "/*") ? 1
                    : range.equals("*/*") || range.equals("*") ? 0 : -1;
            if (specificity < 0) {
                continue;
            }
            if (specificity > best[1]) {
                best[0] = q;
                best[1] = specificity;
            } else if (specificity == best[1]) {
                best[0] = Math.max(best[0], q);
            }
        }
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
