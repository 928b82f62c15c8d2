package id.kotacerdas.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * The caller's body as the proxy reads it ({@link Exchange}): counted against the route's limit while it streams (past
 * it the upstream request is reset: {@code 413}); the response-head time-out starts at its end.
 */
final class RequestBody implements ReadStream<Buffer> {

    private final Exchange x;
    private final HttpServerRequest in;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long received;

    RequestBody(Exchange exchange) {
        this.x = exchange;
        this.in = exchange.in;
        // an HTTP/2 request need not say whether a body follows: chunk it once data comes, so that a GET without
        // body is not forwarded with a transfer coding (a body without Content-Type, which the services refuse)
        boolean chunkOnData = !in.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        in.handler(chunk -> {
            if (x.tooLarge || x.clientGone) {
                return;
            }
            received += chunk.length();
            if (received > x.route.maxRequestBodySize()) {
                x.tooLarge = true;
                if (x.upstreamRequest != null) {
                    x.upstreamRequest.reset(0, new ProxyFailure.TooLarge());
                }
                return;
            }
            if (chunk.length() == 0 || handler == null) {
                return;
            }
            if (chunkOnData && x.upstreamRequest != null && !x.upstreamRequest.isChunked()) {
                x.upstreamRequest.setChunked(true);
            }
            handler.handle(chunk);
        });
        in.endHandler(v -> {
            if (x.tooLarge || x.clientGone) {
                return;
            }
            if (endHandler != null) {
                endHandler.handle(null);
            }
            if (x.upstreamRequest != null) {
                x.startTimer(x.upstreamRequest);
            }
        });
        in.exceptionHandler(error -> {
            x.clientGone();
            if (exceptionHandler != null) {
                exceptionHandler.handle(error);
            }
        });
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        in.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!x.clientGone) {
            in.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        in.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        return this;
    }
}
