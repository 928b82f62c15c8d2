package id.kotacerdas.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The origin selector of a route: the library proxy asks it for the request to the origin, and it picks one of the
 * route's instances in turn (round robin).
 * <p>
 * Passive health: an instance that refuses a connection, or does not accept one within the connect timeout, is
 * skipped from then on, and the request goes on to the next instance at once (nothing was sent, so any method may be
 * sent elsewhere). While an instance is skipped it is asked its readiness path every {@code instance-probe-interval};
 * when it answers (any status below 500) it takes its turn again. When every instance is skipped, they are all tried
 * anyway, so a route is never refused by this bookkeeping alone. A route with a single instance keeps no such state.
 */
final class Instances implements OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(Instances.class);

    /** The {@link ProxyContext} attachment naming the instance the request went to. */
    static final String CHOSEN = "kotacerdas.instance";

    private final String route;
    private final List<Instance> all;
    private final Vertx vertx;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private Route owner;

    Instances(String route, List<Instance> all, Vertx vertx) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("gateway.routes." + route + ".upstream is empty");
        }
        this.route = route;
        this.all = List.copyOf(all);
        this.vertx = vertx;
    }

    void attach(Route route) {
        this.owner = route;
    }

    List<Instance> all() {
        return all;
    }

    /** The next instance in turn, skipping those that refused connections (unless all did). */
    Instance pick() {
        return pick(List.of());
    }

    private Instance pick(List<Instance> tried) {
        int size = all.size();
        if (size == 1) {
            return all.get(0);
        }
        int start = Math.floorMod(turn.getAndIncrement(), size);
        Instance fallback = null;
        for (int i = 0; i < size; i++) {
            Instance candidate = all.get((start + i) % size);
            if (tried.contains(candidate)) {
                continue;
            }
            if (candidate.up) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        Exchange exchange = context.get(ProxyHandler.EXCHANGE, Exchange.class);
        return connect(context, exchange, new ArrayList<>());
    }

    private Future<HttpClientRequest> connect(ProxyContext context, Exchange exchange, List<Instance> tried) {
        Instance instance = pick(tried);
        tried.add(instance);
        context.set(CHOSEN, instance);
        context.request().setURI(instance.basePath() + exchange.upstreamUri());
        RequestOptions options = new RequestOptions()
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                // bounds the wait for a pooled connection, including opening one
                .setConnectTimeout(owner.config().pool().waitTimeout().toMillis())
                .setIdleTimeout(owner.config().idleTimeout().toMillis());
        return owner.client().request(options).transform(obtained -> {
            if (obtained.succeeded()) {
                return exchange.connected(obtained.result());
            }
            ProxyFailure failure = exchange.connectFailure(obtained.cause());
            if (all.size() > 1 && (failure instanceof ProxyFailure.Unreachable || failure instanceof ProxyFailure.ConnectTimedOut)) {
                down(instance, failure);
                Instance next = pick(tried);
                if (next != null && !exchange.callerGone()) {
                    LOG.debugf("Route %s: %s did not take the connection; trying %s", route, instance, next);
                    return connect(context, exchange, tried);
                }
            }
            return Future.failedFuture(failure);
        });
    }

    private void down(Instance instance, ProxyFailure failure) {
        if (instance.up) {
            instance.up = false;
            LOG.warnf("Route %s: instance %s is skipped until it answers again (%s)", route, instance, failure.getMessage());
        }
        if (probing.compareAndSet(false, true)) {
            vertx.setTimer(owner.config().instanceProbeInterval().toMillis(), id -> probe());
        }
    }

    /** Asks every skipped instance its readiness path; goes on while any stays skipped. */
    private void probe() {
        List<Future<Void>> asked = new ArrayList<>();
        for (Instance instance : all) {
            if (!instance.up) {
                asked.add(ask(instance));
            }
        }
        Future.join(new ArrayList<>(asked)).onComplete(done -> {
            if (all.stream().anyMatch(i -> !i.up)) {
                vertx.setTimer(owner.config().instanceProbeInterval().toMillis(), id -> probe());
            } else {
                probing.set(false);
            }
        });
    }

    private Future<Void> ask(Instance instance) {
        long timeout = Math.max(200, owner.config().pool().connectTimeout().toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + owner.config().healthPath())
                .setConnectTimeout(timeout)
                .setTimeout(timeout);
        HttpClient client = owner.client();
        return client.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> {
                    if (status < 500 && !instance.up) {
                        instance.up = true;
                        LOG.infof("Route %s: instance %s answers again (readiness %d); it takes its turn again", route,
                                instance, status);
                    }
                    return (Void) null;
                })
                .otherwiseEmpty();
    }
}
