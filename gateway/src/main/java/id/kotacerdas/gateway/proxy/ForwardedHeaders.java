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
import java.util.Locale;
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
        for (String name : new ArrayList<>(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || dropped.contains(lower) || lower.equals("expect") || lower.startsWith(":")) {
                headers.remove(name);
            }
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

    static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                tokens.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
