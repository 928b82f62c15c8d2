package id.kotacerdas.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The response headers the caller gets from a service's answer: without hop-by-hop headers (and those that
 * {@code Connection} names), without {@code Access-Control-*} and without any header the gateway has already set
 * itself (security headers, request id, trace context); an absolute {@code Location} or {@code Content-Location} on
 * one of the route's instances ({@code http://upstream:8081/base/api/v1/x}) is rewritten to the gateway
 * ({@code <gateway origin>/api/v1/x}). Answers the gateway made itself (problems) pass untouched.
 */
final class ResponseHeaders implements ProxyInterceptor {

    private final Route route;
    private final Optional<URI> publicUrl;

    ResponseHeaders(Route route, Optional<URI> publicUrl) {
        this.route = route;
        this.publicUrl = publicUrl;
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (context.get(ProxyHandler.GATEWAY_ANSWER, Object.class) != null) {
            return context.sendResponse();
        }
        ProxyResponse response = context.response();
        HttpServerRequest in = context.request().proxiedRequest();
        MultiMap headers = response.headers();
        // per answer: one pass over its headers, and nothing allocated unless one must go or be rewritten
        MultiMap owned = in.response().headers();
        Set<String> dropped = ForwardedHeaders.connectionTokens(headers);
        List<String> remove = null;
        boolean locations = false;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (ForwardedHeaders.isHopByHop(name) || !dropped.isEmpty() && dropped.contains(name.toLowerCase(Locale.ROOT))
                    || owned.contains(name) || name.regionMatches(true, 0, "access-control-", 0, 15)) {
                if (remove == null) {
                    remove = new ArrayList<>(4);
                }
                remove.add(name);
            } else if (name.equalsIgnoreCase("location") || name.equalsIgnoreCase("content-location")) {
                locations = true;
            }
        }
        if (remove != null) {
            remove.forEach(headers::remove);
        }
        if (locations) {
            for (String name : List.of("Location", "Content-Location")) {
                List<String> values = headers.getAll(name);
                if (!values.isEmpty()) {
                    headers.set(name, values.stream().map(value -> rewrite(value, in)).toList());
                }
            }
        }
        int status = response.getStatusCode();
        if ((status == 204 || status < 200) && in.method() != HttpMethod.HEAD && response.getBody() != null
                && response.getBody().length() < 0) {
            // no body follows: not chunked (the stream is still read to its end, which frees the connection)
            response.setBody(Body.body(response.getBody().stream(), 0));
        }
        return context.sendResponse();
    }

    /** An absolute URL on one of the route's instances becomes the same path on the gateway; anything else is kept. */
    String rewrite(String location, HttpServerRequest in) {
        for (Instance instance : route.instances()) {
            String origin = instance.origin();
            if (location.length() < origin.length() || !location.regionMatches(true, 0, origin, 0, origin.length())) {
                continue;
            }
            String rest = location.substring(origin.length());
            if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') {
                continue; // http://localhost:80811/... is another host
            }
            if (!instance.basePath().isEmpty() && rest.startsWith(instance.basePath())) {
                rest = rest.substring(instance.basePath().length());
            }
            return gatewayOrigin(in) + (rest.isEmpty() ? "/" : rest);
        }
        return location;
    }

    private String gatewayOrigin(HttpServerRequest in) {
        if (publicUrl.isPresent()) {
            String url = publicUrl.get().toString();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        HostAndPort authority = in.authority();
        return in.scheme() + "://" + (authority == null ? "localhost" : ForwardedHeaders.hostAndPort(authority));
    }
}
