package id.kotacerdas.gateway.health;

import id.kotacerdas.gateway.proxy.Route;
import id.kotacerdas.gateway.proxy.Routes;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
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
 * Readiness of each upstream (its own readiness endpoint) and its circuit breaker, one line per route. The gateway's
 * liveness does not depend on the upstreams: a gateway whose services are down is alive and answers 502/503.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements AsyncHealthCheck {

    static final long TIMEOUT_MS = 2000;

    @Inject
    Routes routes;

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
                if (!probe.succeeded()) {
                    builder.down();
                }
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private static Future<String> probe(Route route) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.ssl())
                .setURI(route.basePath() + route.config().healthPath())
                .setConnectTimeout(TIMEOUT_MS)
                .setTimeout(TIMEOUT_MS);
        return route.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .compose(status -> status == 200 ? Future.succeededFuture("UP")
                        : Future.failedFuture("readiness answered " + status));
    }
}
