package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig.RouteConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.http.HttpClient;
import java.util.List;

/**
 * One configured route at run time: its prefixes, its upstream instances, its own connection pools (one per instance)
 * and circuit breaker.
 */
public final class Route {

    private final String name;
    private final RouteConfig config;
    private final List<String> prefixes;
    private final List<String> publicPrefixes;
    private final Instances instances;
    private ResponseHeaders responseHeaders;
    private final long maxRequestBodySize;
    private final HttpClient client;
    private final Guard breaker;
    private final String breakerName;

    Route(String name, RouteConfig config, long maxRequestBodySize, HttpClient client, Guard breaker, String breakerName,
            Instances instances) {
        this.name = name;
        this.config = config;
        this.prefixes = config.pathPrefixes().stream().map(Route::normalizePrefix).toList();
        this.publicPrefixes = config.publicPathPrefixes().orElse(List.of()).stream().map(Route::normalizePrefix).toList();
        this.instances = instances;
        instances.attach(this);
        this.maxRequestBodySize = maxRequestBodySize;
        this.client = client;
        this.breaker = breaker;
        this.breakerName = breakerName;
    }

    static String normalizePrefix(String prefix) {
        String p = prefix.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The length of the longest prefix of this route that {@code path} falls under, or -1. */
    int match(String path) {
        int best = -1;
        for (String prefix : prefixes) {
            if (under(path, prefix) && prefix.length() > best) {
                best = prefix.length();
            }
        }
        return best;
    }

    /** {@code /api/v1/regions/**} for {@code /api/v1/regions/18.72}: how metrics name the request. */
    String template(String path) {
        String best = null;
        for (String prefix : prefixes) {
            if (under(path, prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            return path;
        }
        return path.equals(best) ? best : (best.equals("/") ? "" : best) + "/**";
    }

    public boolean serves(String path) {
        return match(path) >= 0;
    }

    public boolean isPublic(String path) {
        return publicPrefixes.stream().anyMatch(p -> under(path, p));
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || prefix.equals("/")
                || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    public String name() {
        return name;
    }

    public RouteConfig config() {
        return config;
    }

    public List<String> prefixes() {
        return prefixes;
    }

    /** The instances of the route's service, in configured order. */
    public List<Instance> instances() {
        return instances.all();
    }

    /** The next instance in turn (skipping those that refuse connections), for calls beside the proxy. */
    public Instance pick() {
        return instances.pick();
    }

    /** The proxy's response interceptor for this route. */
    ResponseHeaders responseHeaders() {
        return responseHeaders;
    }

    void responseHeaders(ResponseHeaders responseHeaders) {
        this.responseHeaders = responseHeaders;
    }

    /** The proxy's origin selector for this route. */
    Instances origins() {
        return instances;
    }

    public long maxRequestBodySize() {
        return maxRequestBodySize;
    }

    public HttpClient client() {
        return client;
    }

    /** The circuit breaker, or {@code null} when disabled for the route. */
    public Guard breaker() {
        return breaker;
    }

    public String breakerName() {
        return breakerName;
    }
}
