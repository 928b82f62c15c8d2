package id.kotacerdas.gateway.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own error responses: RFC 9457 problem details of the same shape as
 * {@code id.kotacerdas.platform.web.Problem} (type, title, status, detail, instance, requestId), served as
 * {@code application/problem+json}. (The gateway does not depend on platform-core: that library brings Hibernate
 * Reactive and Kafka, which the gateway has no use for.)
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://kotacerdas.id/problems/";

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

    /**
     * Ends the exchange with a problem. When the request body has not been read (the request is refused before
     * forwarding), the connection is closed after the response so that an unread body cannot be taken for the next
     * request.
     */
    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        JsonObject problem = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        String requestId = ctx.request().getHeader(RequestTracing.REQUEST_ID);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        boolean unreadBody = !ctx.request().isEnded() && hasBody(ctx.request());
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (unreadBody) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(problem.toBuffer()).onComplete(done -> {
            if (unreadBody && !ctx.request().isEnded()) {
                ctx.request().connection().close();
            }
        });
    }
}
