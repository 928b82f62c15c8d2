package id.kotacerdas.gateway.health;

import id.kotacerdas.gateway.proxy.Instance;
import id.kotacerdas.gateway.proxy.Route;
import id.kotacerdas.gateway.proxy.Routes;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each upstream's readiness (its own readiness endpoint) and its circuit breaker, one line of data per route, e.g.
 * {@code "region": "DOWN (readiness answered 503), circuit OPEN"}.
 * <p>
 * Always UP: the gateway's readiness is whether <em>it</em> can take traffic. A service that is down does not make
 * the gateway useless (its other routes work, and that service's routes answer 502/503 problems at once), and taking
 * the only entry point out of a load balancer because one service is down would turn a partial outage into a whole
 * one. Every probe has a deadline of {@link #TIMEOUT_MS}, so the check answers within a second whatever is down.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    static final long TIMEOUT_MS = 800;

    @Inject
    Routes routes;
    @Inject
    Vertx vertx;

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Route> all = routes.all();
        List<Future<String>> probes = new ArrayList<>();
        for (Route route : all) {
            probes.add(probe(route));
        }
        Future<HealthCheckResponse> response = Future.join(new ArrayList<>(probes)).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            for (int i = 0; i < all.size(); i++) {
                Route route = all.get(i);
                Future<String> probe = probes.get(i);
                String state = probe.succeeded() ? probe.result() : "DOWN (" + probe.cause().getMessage() + ")";
                builder.withData(route.name(), state + ", circuit " + routes.breakerState(route));
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    /**
     * The upstream's readiness within {@link #TIMEOUT_MS} (connecting included), else a failure saying so. With several
     * instances each is asked: UP while any is, with how many are.
     */
    private Future<String> probe(Route route) {
        List<Instance> instances = route.instances();
        if (instances.size() == 1) {
            return probe(route, instances.get(0));
        }
        List<Future<String>> asked = new ArrayList<>();
        instances.forEach(instance -> asked.add(probe(route, instance)));
        return Future.join(new ArrayList<>(asked)).transform(ignored -> {
            long up = asked.stream().filter(Future::succeeded).count();
            StringBuilder states = new StringBuilder();
            for (int i = 0; i < instances.size(); i++) {
                Future<String> one = asked.get(i);
                states.append(i == 0 ? "" : "; ").append(instances.get(i)).append(' ')
                        .append(one.succeeded() ? "UP" : "DOWN (" + one.cause().getMessage() + ")")
                        .append(instances.get(i).up() ? "" : ", skipped");
            }
            String summary = up + " of " + instances.size() + " instances: " + states;
            return up > 0 ? Future.succeededFuture("UP (" + summary + ")") : Future.failedFuture(summary);
        });
    }

    private Future<String> probe(Route route, Instance instance) {
        Promise<String> bounded = Promise.promise();
        long timer = vertx.setTimer(TIMEOUT_MS, id -> bounded.tryFail("no answer within " + TIMEOUT_MS + " ms"));
        ask(route, instance).onComplete(answer -> {
            vertx.cancelTimer(timer);
            if (answer.succeeded()) {
                bounded.tryComplete(answer.result());
            } else {
                bounded.tryFail(answer.cause());
            }
        });
        return bounded.future();
    }

    private static Future<String> ask(Route route, Instance instance) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + route.config().healthPath())
                .setConnectTimeout(TIMEOUT_MS)
                .setTimeout(TIMEOUT_MS);
        return route.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .compose(status -> status == 200 ? Future.succeededFuture("UP")
                        : Future.failedFuture("readiness answered " + status));
    }
}
