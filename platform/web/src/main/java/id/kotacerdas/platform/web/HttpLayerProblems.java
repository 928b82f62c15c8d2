package id.kotacerdas.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the HTTP layer answer in problem+json too, for what it refuses before any resource (or the gateway's proxy)
 * runs, in every application of the suite:
 * <ul>
 * <li>a request target longer than {@value #MAX_TARGET_PROPERTY} (default 4096 characters): {@code 414};</li>
 * <li>request headers larger than {@value #MAX_HEADERS_PROPERTY} (default 16384 bytes): {@code 431};</li>
 * <li>a body without a {@code Content-Type}: {@code 415} (the rest of the body policy is platform-rest's
 * {@code RequestBodyPolicy} and {@code StrictJson});</li>
 * <li>a NUL or another control character in the path (raw or as {@code %00}) or in a header value: {@code 400} naming
 * it (such input never reaches validation);</li>
 * <li>a malformed percent-encoding ({@code /api/v1/regions/%zz}) or a path the router cannot read: {@code 400} naming the
 * path or the query parameter;</li>
 * <li>every other failure the router ends with a bare status (413 from the body limit, 404/405 of plain routes, a 500
 * from a failing route): that status with a problem body.</li>
 * </ul>
 * The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set
 * well above these (platform-web's {@code microprofile-config.properties}), so that the codec, which can only answer a
 * bare status, is reached only by requests far past the documented limits.
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    public static final String MAX_TARGET_PROPERTY = "kotacerdas.http.max-request-target-length";
    public static final String MAX_HEADERS_PROPERTY = "kotacerdas.http.max-header-bytes";
    public static final int DEFAULT_MAX_TARGET = 4096;
    public static final int DEFAULT_MAX_HEADERS = 16384;

    /** Status → problem type slug and title, for failures the router ends with a bare status. */
    private static final Map<Integer, String[]> STATUSES = Map.ofEntries(
            Map.entry(400, new String[] { "bad-request", "Bad request" }),
            Map.entry(401, new String[] { "unauthorized", "Unauthorized" }),
            Map.entry(403, new String[] { "forbidden", "Forbidden" }),
            Map.entry(404, new String[] { "not-found", "Not found" }),
            Map.entry(405, new String[] { "method-not-allowed", "Method Not Allowed" }),
            Map.entry(406, new String[] { "not-acceptable", "Not Acceptable" }),
            Map.entry(408, new String[] { "request-timeout", "Request timeout" }),
            Map.entry(413, new String[] { "payload-too-large", "Payload too large" }),
            Map.entry(414, new String[] { "uri-too-long", "URI too long" }),
            Map.entry(415, new String[] { "unsupported-media-type", "Unsupported Media Type" }),
            Map.entry(431, new String[] { "request-header-fields-too-large", "Request header fields too large" }),
            Map.entry(500, new String[] { "internal", "Internal error" }),
            Map.entry(501, new String[] { "not-implemented", "Not implemented" }),
            Map.entry(503, new String[] { "service-unavailable", "Service unavailable" }));

    @ConfigProperty(name = MAX_TARGET_PROPERTY, defaultValue = "" + DEFAULT_MAX_TARGET)
    int maxTarget;
    @ConfigProperty(name = MAX_HEADERS_PROPERTY, defaultValue = "" + DEFAULT_MAX_HEADERS)
    int maxHeaders;

    /** Runs right after {@link RequestIds} (priority 1000), so that these problems carry the request id too. */
    void limits(@Observes Filters filters) {
        filters.register(this::check, 990);
    }

    void failures(@Observes Router router) {
        // before Quarkus's own failure handler, which answers non-500 failures with a bare status
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> failed(ctx, 500));
        // failures on requests no route could take (the path cannot be read): the status is the handler's
        for (int status : STATUSES.keySet()) {
            router.errorHandler(status, ctx -> failed(ctx, status));
        }
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri != null && uri.length() > maxTarget) {
            Problems.send(ctx, 414, "uri-too-long", "URI too long", "The request target is " + uri.length()
                    + " characters long; at most " + maxTarget + " are accepted.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
            int bad = firstControl(header.getValue());
            if (bad >= 0) {
                reject(ctx, header.getKey(), "must not contain control characters (found U+%04X)".formatted(bad));
                return;
            }
        }
        if (headerBytes > maxHeaders) {
            Problems.send(ctx, 431, "request-header-fields-too-large", "Request header fields too large",
                    "The request headers take " + headerBytes + " bytes; at most " + maxHeaders + " are accepted.");
            return;
        }
        if (request.getHeader("Content-Type") == null && hasBody(request)) {
            Problems.send(ctx, Problems.of(request, 415, "unsupported-media-type", "Unsupported Media Type",
                    "A request body needs a Content-Type; send application/json.",
                    List.of(new Violation("Content-Type", "is required with a request body"))));
            return;
        }
        String rawPath = rawPath(uri);
        if (rawPath != null && (containsNul(rawPath) || firstControl(rawPath) >= 0)) {
            reject(ctx, "path", "must not contain NUL or other control characters");
            return;
        }
        // what Quarkus's root handler checks (UriValidationHandover hands the check over to here)
        Malformed malformed = validUri(uri) ? null : malformed(uri);
        if (malformed == null && !validUri(uri)) {
            malformed = new Malformed("path", "is not a valid URI");
        }
        if (malformed != null) {
            reject(ctx, malformed.field(), malformed.message());
            return;
        }
        ctx.next();
    }

    /** Whether the request says it carries a body (a non-zero length, or a transfer coding). */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader("Transfer-Encoding") != null;
    }

    void failed(RoutingContext ctx, int otherwise) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            if (!ctx.response().ended()) {
                ctx.response().end();
            }
            return;
        }
        int status = ctx.statusCode();
        Throwable failure = ctx.failure();
        if (status < 400 || status > 599) {
            status = otherwise;
        }
        String[] kind = STATUSES.getOrDefault(status, new String[] { "http-" + status, "HTTP " + status });
        String detail;
        HttpServerRequest request = ctx.request();
        if (status == 400) {
            Malformed malformed = malformed(request.uri());
            if (malformed != null) {
                Problems.send(ctx, Problems.of(request, 400, "validation", "Invalid request",
                        malformed.field() + ": " + malformed.message(), List.of(new Violation(malformed.field(), malformed.message()))));
                return;
            }
            detail = "The request cannot be read.";
        } else if (status >= 500) {
            LOG.errorf(failure, "HTTP layer failure serving %s %s", request.method(), safePath(request));
            detail = "The request could not be completed; quote the request id when reporting it.";
        } else {
            detail = switch (status) {
                case 404 -> "No resource at " + safePath(request) + ".";
                case 405 -> "Method " + request.method() + " is not allowed on " + safePath(request) + ".";
                case 413 -> "The request body is larger than this service accepts.";
                default -> kind[1] + ".";
            };
        }
        Problems.send(ctx, status, kind[0], kind[1], detail);
    }

    /** Where a request target's percent-encoding is broken: the path, or the query parameter's name. */
    record Malformed(String field, String message) {
    }

    static Malformed malformed(String uri) {
        if (uri == null || uri.isEmpty()) {
            return new Malformed("path", "must not be empty");
        }
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (!path.startsWith("/") && !path.startsWith("http")) {
            return new Malformed("path", "must start with /");
        }
        if (badEscape(path) || firstControl(path) >= 0 || !validUri(path)) {
            return new Malformed("path", "is not a valid URI path (percent-encoding must be % and two hex digits)");
        }
        if (query >= 0) {
            for (String pair : uri.substring(query + 1).split("&")) {
                if (badEscape(pair) || firstControl(pair) >= 0 || !validUri("/?" + pair)) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String field = badEscape(name) || firstControl(name) >= 0 || !validUri("/?" + name) || name.isEmpty()
                            ? "query" : name;
                    return new Malformed(field, "is not valid percent-encoding (% must be followed by two hex digits)");
                }
            }
        }
        return null;
    }

    static boolean validUri(String uri) {
        if (uri == null) {
            return false;
        }
        if (plainOriginForm(uri)) {
            return true; // what java.net.URI accepts anyway, without parsing it (the common case, checked per request)
        }
        try {
            new java.net.URI(uri);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * An origin-form request target ({@code /path?query}, not {@code //...}) of only unreserved characters, sub-delims,
     * {@code /}, {@code :}, {@code @} and {@code ?} (RFC 3986): nothing java.net.URI could refuse.
     */
    static boolean plainOriginForm(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/' || uri.startsWith("//")) {
            return false;
        }
        for (int i = 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    static boolean badEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                    return true;
                }
                i += 2;
            }
        }
        return false;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static boolean containsNul(String rawPath) {
        return rawPath.indexOf('\0') >= 0 || rawPath.toLowerCase(java.util.Locale.ROOT).contains("%00");
    }

    /** The first control character (other than horizontal tab), or -1. */
    static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }

    private static String rawPath(String uri) {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String safePath(HttpServerRequest request) {
        return Problems.instanceOf(request).toString();
    }

    private static void reject(RoutingContext ctx, String field, String message) {
        Problems.send(ctx, Problems.of(ctx.request(), 400, "validation", "Invalid request", field + ": " + message,
                List.of(new Violation(field, message))));
    }
}
