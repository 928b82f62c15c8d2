package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig.RouteConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.http.HttpClient;
import java.net.URI;
import java.util.List;

/** One configured route at run time: its prefixes, its upstream, its own connection pool and circuit breaker. */
public final class Route {

    private final String name;
    private final RouteConfig config;
    private final List<String> prefixes;
    private final List<String> publicPrefixes;
    private final URI upstream;
    private final String upstreamOrigin;
    private final String basePath;
    private final long maxRequestBodySize;
    private final HttpClient client;
    private final Guard breaker;
    private final String breakerName;

    Route(String name, RouteConfig config, long maxRequestBodySize, HttpClient client, Guard breaker, String breakerName) {
        this.name = name;
        this.config = config;
        this.prefixes = config.pathPrefixes().stream().map(Route::normalizePrefix).toList();
        this.publicPrefixes = config.publicPathPrefixes().orElse(List.of()).stream().map(Route::normalizePrefix).toList();
        this.upstream = config.upstream();
        String scheme = upstream.getScheme() == null ? "http" : upstream.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || upstream.getHost() == null) {
            throw new IllegalArgumentException("gateway.routes." + name + ".upstream must be an absolute http(s) URL: " + upstream);
        }
        this.upstreamOrigin = scheme + "://" + upstream.getHost() + (upstream.getPort() == -1 ? "" : ":" + upstream.getPort());
        String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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

    public URI upstream() {
        return upstream;
    }

    /** {@code http://host:port} of the upstream, as it writes it into absolute {@code Location}s. */
    public String upstreamOrigin() {
        return upstreamOrigin;
    }

    /** The upstream URL's path without a trailing slash ({@code ""} for a bare origin). */
    public String basePath() {
        return basePath;
    }

    public String host() {
        return upstream.getHost();
    }

    public int port() {
        return upstream.getPort() != -1 ? upstream.getPort() : ssl() ? 443 : 80;
    }

    public boolean ssl() {
        return "https".equalsIgnoreCase(upstream.getScheme());
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
