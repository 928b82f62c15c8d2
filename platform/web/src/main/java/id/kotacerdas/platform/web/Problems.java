package id.kotacerdas.platform.web;

import id.kotacerdas.platform.trace.TraceContext;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;

/**
 * Writes a {@link Problem} on a plain Vert.x route: for what answers before (or without) JAX-RS — the gateway's own
 * errors, and failures of the HTTP layer in front of a service's resources. The body is the same {@link Problem} the
 * JAX-RS mappers of {@code platform-rest} produce.
 */
public final class Problems {

    private Problems() {
    }

    /** Whether the request announced a body ({@code Content-Length} above 0 or {@code Transfer-Encoding}). */
    public static boolean hasBody(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    /** The problem document for this request: {@code type} is {@link Problem#TYPE_BASE} + {@code slug}. */
    public static Problem of(HttpServerRequest request, int status, String slug, String title, String detail,
            List<Violation> violations) {
        String requestId = request.getHeader(RequestIds.REQUEST_ID);
        if (requestId == null) {
            // refused before RequestIds ran (the router could not take the request): give it an id here
            requestId = TraceContext.requestIdOrNew(null);
            request.headers().set(RequestIds.REQUEST_ID, requestId);
            request.response().putHeader(RequestIds.REQUEST_ID, requestId);
        }
        return ProblemLanguage.localized(new Problem(URI.create(Problem.TYPE_BASE + slug), title, status, detail,
                instanceOf(request), requestId, violations), request.getHeader(ProblemLanguage.ACCEPT_LANGUAGE));
    }

    /** The request path as a URI reference; a path that is not one (bad escapes) is reported as {@code /}. */
    static URI instanceOf(HttpServerRequest request) {
        try {
            return URI.create(request.path() == null ? "/" : request.path());
        } catch (IllegalArgumentException e) {
            return URI.create("/");
        }
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        send(ctx, of(ctx.request(), status, slug, title, detail, List.of()));
    }

    /**
     * Ends the exchange with a problem. When the request body has not been read (the request is refused before
     * forwarding), the connection is closed after the response so that an unread body cannot be taken for the next
     * request.
     */
    public static void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        boolean unreadBody = !ctx.request().isEnded() && hasBody(ctx.request());
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(ProblemLanguage.CONTENT_LANGUAGE,
                        ProblemLanguage.contentLanguage(ctx.request().getHeader(ProblemLanguage.ACCEPT_LANGUAGE)));
        if (unreadBody) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Json.encodeToBuffer(problem)).onComplete(done -> {
            if (unreadBody && !ctx.request().isEnded()) {
                ctx.request().connection().close();
            }
        });
    }
}
