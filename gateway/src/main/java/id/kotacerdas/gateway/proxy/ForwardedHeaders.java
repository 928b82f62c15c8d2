package id.kotacerdas.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request headers the service gets: the library proxy already leaves out {@code Host} and the hop-by-hop headers
 * it knows; this also drops {@code Proxy-Connection}, the headers that {@code Connection} names, {@code Expect} (the
 * gateway answers {@code 100 Continue} itself) and HTTP/2 pseudo-headers, and adds {@code X-Forwarded-For},
 * {@code -Proto} and {@code -Host}.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    static final ForwardedHeaders INSTANCE = new ForwardedHeaders();

    /** Hop-by-hop headers (RFC 9110 7.6.1); never copied across, in either direction. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest in = context.request().proxiedRequest();
        MultiMap headers = context.request().headers();
        Set<String> dropped = connectionTokens(headers);
        List<String> remove = null;
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (isHopByHop(name) || !dropped.isEmpty() && dropped.contains(name.toLowerCase(Locale.ROOT))
                    || name.equalsIgnoreCase("expect") || name.startsWith(":")) {
                if (remove == null) {
                    remove = new ArrayList<>(4);
                }
                remove.add(name);
            }
        }
        if (remove != null) {
            remove.forEach(headers::remove);
        }
        String forwardedFor = in.getHeader("X-Forwarded-For");
        String address = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", forwardedFor == null ? address : forwardedFor + ", " + address);
        headers.set("X-Forwarded-Proto", in.scheme());
        HostAndPort authority = in.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", hostAndPort(authority));
        }
        return context.sendRequest();
    }

    static String hostAndPort(HostAndPort authority) {
        return authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
    }

    /** Whether a header is hop-by-hop ({@link #HOP_BY_HOP}), in any case, without allocating. */
    static boolean isHopByHop(String name) {
        for (String hop : HOP_BY_HOP_LIST) {
            if (hop.length() == name.length() && hop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> HOP_BY_HOP_LIST = List.copyOf(HOP_BY_HOP);

    /** The header names {@code Connection} lists, in lower case (none: an empty set, nothing allocated). */
    static Set<String> connectionTokens(MultiMap headers) {
        List<String> values = headers.getAll(HttpHeaders.CONNECTION);
        if (values.isEmpty()) {
            return Set.of();
        }
        Set<String> tokens = new HashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                tokens.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
