package id.kotacerdas.gateway.proxy;

import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.Problems;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One forwarded request, from the checks before the proxy ({@link ProxyHandler}) to the end of the answer. It is the
 * proxy's outermost interceptor: the call to the service through the route's circuit breaker, and every failure mapped
 * to the problem the caller gets ({@link ExchangeFailures}). It holds what the inner pieces share: the upstream request
 * once a connection is obtained ({@link Instances} tells it), the response-head timer, and whether the caller went away
 * ({@link RequestBody}, {@link Attempts}). Its state lives on the request's Vert.x context.
 */
final class Exchange implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    private static final TypeLiteral<CompletionStage<ProxyResponse>> RESPONSE_STAGE = new TypeLiteral<>() {
    };

    final RoutingContext ctx;
    final Route route;
    final String path;
    final boolean isPublic;
    final boolean rateLimited;
    final HttpServerRequest in;
    final HttpServerResponse out;
    final Vertx vertx;
    final GatewayMetrics metrics;
    private final Context context;
    /** No body to forward (HTTP/1 without {@code Content-Length} or {@code Transfer-Encoding}). */
    final boolean bodyless;

    HttpClientRequest upstreamRequest;
    private long timer = -1;
    boolean clientGone;
    boolean finished;
    boolean timedOut;
    boolean tooLarge;

    Exchange(RoutingContext ctx, Route route, String path, boolean isPublic, boolean rateLimited, Vertx vertx,
            GatewayMetrics metrics) {
        this.ctx = ctx;
        this.route = route;
        this.path = path;
        this.isPublic = isPublic;
        this.rateLimited = rateLimited;
        this.in = ctx.request();
        this.out = ctx.response();
        this.vertx = vertx;
        this.metrics = metrics;
        this.context = vertx.getOrCreateContext();
        this.bodyless = !Problems.hasBody(in) && in.version() != HttpVersion.HTTP_2;
    }

    /** Watches for the caller going away while the checks before the proxy run. */
    void watchCaller() {
        in.pause();
        ctx.addEndHandler(done -> {
            if (done.failed()) {
                clientGone();
            }
        });
        in.exceptionHandler(error -> clientGone());
    }

    // ------------------------------------------------------------------ outermost interceptor

    /** The call to the service through the breaker; any failure becomes the problem the caller gets. */
    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext proxy) {
        proxy.set(ProxyHandler.EXCHANGE, this);
        proxy.request().setURI(upstreamUri());
        if (bodyless) {
            // nothing to forward; let the request's end arrive so that it counts as fully read
            proxy.request().setBody(null);
            in.handler(chunk -> {
            });
            in.endHandler(v -> {
            });
            in.resume();
        } else {
            String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            proxy.request().setBody(Body.body(new RequestBody(this), length == null ? -1 : Long.parseLong(length.trim())));
        }
        Promise<ProxyResponse> answer = Promise.promise();
        CompletionStage<ProxyResponse> stage;
        Guard breaker = route.breaker();
        try {
            stage = breaker == null ? call(proxy) : breaker.get(() -> call(proxy), RESPONSE_STAGE);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedStage(e);
        }
        stage.whenComplete((response, error) -> onContext(() -> answer.complete(error == null ? response
                : ExchangeFailures.answer(this, proxy, error))));
        return answer.future();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext proxy) {
        Problem problem = proxy.get(ProxyHandler.GATEWAY_ANSWER, Problem.class);
        if (problem != null) {
            // the gateway's own answer: written as every other problem (a caller gone by now gets nothing)
            finished = true;
            Problems.send(ctx, problem);
            return Future.succeededFuture();
        }
        return proxy.sendResponse().andThen(done -> finished = true);
    }

    /** A {@code 5xx} answer is a failure for the breaker, but still goes to the caller. */
    private CompletionStage<ProxyResponse> call(ProxyContext proxy) {
        return proxy.sendRequest().transform(sent -> {
            if (sent.failed()) {
                return Future.<ProxyResponse>failedFuture(exchangeFailure(sent.cause()));
            }
            ProxyResponse response = sent.result();
            return response.getStatusCode() >= 500
                    ? Future.<ProxyResponse>failedFuture(new ProxyFailure.UpstreamUnavailable(response))
                    : Future.succeededFuture(response);
        }).toCompletionStage();
    }

    /** The request target at the service, before the instance's base path. */
    String upstreamUri() {
        String query = in.query();
        return path + (query == null ? "" : "?" + query);
    }

    // ------------------------------------------------------------------ what the origin selector tells

    /** A pooled connection to an instance was obtained for this exchange. */
    Future<HttpClientRequest> connected(HttpClientRequest request) {
        request.exceptionHandler(error -> {
            // reported through the response future
        });
        if (clientGone) {
            // the caller left while waiting for a connection: give it back unused
            request.reset(0, new ProxyFailure.ClientGone());
            return Future.failedFuture(new ProxyFailure.ClientGone());
        }
        upstreamRequest = request;
        if (bodyless) {
            startTimer(request); // the library ends the request at once
        } else if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true) && !in.isEnded()) {
            out.writeContinue();
        }
        return Future.succeededFuture(request);
    }

    boolean callerGone() {
        return clientGone;
    }

    ProxyFailure connectFailure(Throwable error) {
        if (clientGone) {
            return new ProxyFailure.ClientGone();
        }
        if (error instanceof ConnectionPoolTooBusyException) {
            return new ProxyFailure.PoolBusy(error);
        }
        if (error instanceof io.netty.channel.ConnectTimeoutException) {
            return new ProxyFailure.ConnectTimedOut(error);
        }
        if (error instanceof TimeoutException) {
            return new ProxyFailure.NoConnection(error);
        }
        return new ProxyFailure.Unreachable(error);
    }

    /** What went wrong with a request that had a connection: the caller, the body limit, the time-out, else the service. */
    ProxyFailure exchangeFailure(Throwable error) {
        if (error instanceof ProxyFailure failure) {
            return failure;
        }
        if (clientGone) {
            return new ProxyFailure.ClientGone();
        }
        if (tooLarge) {
            return new ProxyFailure.TooLarge();
        }
        if (timedOut) {
            return new ProxyFailure.TimedOut();
        }
        return new ProxyFailure.Unreachable(error);
    }

    // ------------------------------------------------------------------ timers and the caller

    void startTimer(HttpClientRequest request) {
        if (finished || clientGone || timer != -1) {
            return;
        }
        timer = vertx.setTimer(route.config().timeout().toMillis(), id -> {
            timer = -1;
            timedOut = true;
            request.reset(0, new TimeoutException("no response within " + route.config().timeout()));
        });
    }

    void cancelTimer() {
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    void clientGone() {
        if (clientGone) {
            return;
        }
        clientGone = true;
        cancelTimer();
        if (!finished) {
            LOG.debugf("Client went away: %s %s", in.method(), path);
            resetUpstream();
        }
    }

    void resetUpstream() {
        cancelTimer();
        if (upstreamRequest != null && !finished) {
            finished = true;
            upstreamRequest.reset(0, new ProxyFailure.ClientGone());
        }
    }

    void onContext(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    String clientAddress() {
        return in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
    }
}
