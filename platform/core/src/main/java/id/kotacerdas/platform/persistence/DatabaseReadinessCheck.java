package id.kotacerdas.platform.persistence;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the service's PostgreSQL: {@code SELECT 1} on a pooled connection, DOWN when it fails or takes longer
 * than {@link #TIMEOUT} (a service without its database cannot serve; the gateway reports it and answers 503).
 * <p>
 * Replaces Quarkus's datasource checks ({@code quarkus.datasource.health.enabled=false} in the platform defaults),
 * for two reasons:
 * <ul>
 * <li>they wait up to 20 s for an answer; this one answers within a second whatever is down;</li>
 * <li>the reactive one runs a one-shot pool query ({@code pool.query(..).execute()}). In Vert.x SQL client 4.5 such a
 * query arms a timer of the pool's connection timeout (30 s) that is cancelled only when a connection was obtained:
 * when the connection fails (database down), the query fails at once and 30 s later the timer fails the same result
 * again, which Vert.x reports as an uncaught {@code IllegalStateException: Result is already complete}, once per
 * readiness call made during the outage. Queries on a connection from {@code withConnection} take the pool's other
 * path, whose timer is cancelled either way.</li>
 * </ul>
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "database";
    public static final Duration TIMEOUT = Duration.ofMillis(800);

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.withConnection(conn -> conn.query("SELECT 1").execute())
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("no answer within " + TIMEOUT.toMillis() + " ms"))
                .map(rows -> HealthCheckResponse.named(NAME).up().withData("postgresql", "UP").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("postgresql", "DOWN: " + describe(e)).build());
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
