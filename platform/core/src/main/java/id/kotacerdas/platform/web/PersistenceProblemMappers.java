package id.kotacerdas.platform.web;

import id.kotacerdas.platform.persistence.DatabaseReadinessCheck;
import id.kotacerdas.platform.persistence.DatabaseUnavailable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Database failures that are not the service's bug, never a {@code 500}: races the client resolves ({@code 409},
 * {@code 412}), and a database that cannot be reached right now ({@code 503} with {@code Retry-After}).
 * <p>
 * An unreachable database shows up as whatever the driver or Hibernate Reactive fails with (a refused connection, a
 * {@code PgException} with SQLState {@code 57P03} "the database system is starting up", a closed connection, a pool
 * that found no connection in time), often wrapped: each family of exception that can carry one is mapped here and
 * its cause chain asked {@link DatabaseUnavailable}; anything else gets the ordinary {@code 500}. During an outage
 * every request fails the same way, so the warning is logged at most once per {@value #LOG_EVERY_SECONDS} s.
 */
public class PersistenceProblemMappers {

    /** The reactive pool, to ask the database whether it answers when a failure is not known as an outage. */
    @Inject
    Instance<Pool> pool;

    private static final Logger LOG = Logger.getLogger(PersistenceProblemMappers.class);
    /** PostgreSQL restarts in a few seconds; clients should not come back sooner. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final long LOG_EVERY_SECONDS = 10;
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS));

    @ServerExceptionMapper
    public Response stale(StaleStateException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, 409, "conflict", "Conflict",
                "A concurrent request changed the same resource; read it again and retry.", List.of(), Map.of());
    }

    /** Refused, reset or timed-out connections (the database is down or not listening). */
    @ServerExceptionMapper
    public Uni<Response> socket(SocketException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Vert.x SQL client failures: {@code PgException} (SQLState), closed connections, pool timeouts. */
    @ServerExceptionMapper
    public Uni<Response> vertx(VertxException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Hibernate's wrappers ({@code JDBCConnectionException}, {@code GenericJDBCException}, ...). */
    @ServerExceptionMapper
    public Uni<Response> persistence(PersistenceException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    @ServerExceptionMapper
    public Uni<Response> completion(CompletionException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Mutiny's several failures in one (a write that failed and whose rollback failed too, during a shutdown). */
    @ServerExceptionMapper
    public Uni<Response> composite(CompositeException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /**
     * Any other unchecked failure whose cause tree holds a database outage (however a library wrapped it); without
     * one it is the ordinary {@code 500}, as before.
     */
    @ServerExceptionMapper
    public Uni<Response> wrapped(RuntimeException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /**
     * What the Vert.x SQL client fails with is not always an exception: a command on a connection the server closed
     * fails with a {@code NoStackTraceThrowable} (a plain {@code Throwable}). Asked before platform-rest's catch-all
     * (which answers {@code 500}).
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 500)
    public Uni<Response> throwable(Throwable e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /**
     * A failure whose cause tree names an outage is a {@code 503} at once. Any other failure is asked of the database
     * itself ({@code SELECT 1} within {@link DatabaseReadinessCheck}'s time): a failure the driver described in a way
     * not listed in {@link DatabaseUnavailable} while PostgreSQL cannot be reached is still an outage, not a bug
     * (logged with its stack trace, so that it can be listed); with the database answering, it is the ordinary
     * {@code 500}.
     */
    private Uni<Response> unavailableOrInternal(Throwable e, HttpServerRequest request) {
        Optional<String> reason = DatabaseUnavailable.reason(e);
        if (reason.isPresent()) {
            return Uni.createFrom().item(unavailable(request, reason.get()));
        }
        if (pool.isUnsatisfied()) {
            return Uni.createFrom().item(ProblemMappers.internalError(e, request));
        }
        return pool.get().withConnection(conn -> conn.query("SELECT 1").execute())
                .ifNoItem().after(DatabaseReadinessCheck.TIMEOUT).failWith(() -> new TimeoutException("no answer"))
                .map(rows -> ProblemMappers.internalError(e, request))
                .onFailure().recoverWithItem(probe -> {
                    LOG.warnf(e, "A failure not known as an outage while the database cannot be reached (%s), answering 503: %s %s",
                            DatabaseReadinessCheck.describe(probe), request.method(), request.path());
                    return unavailable(request, "the database does not answer");
                });
    }

    private static Response unavailable(HttpServerRequest request, String reason) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS) && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Database unavailable, answering 503 (at most one such line per %d s): %s %s: %s",
                    LOG_EVERY_SECONDS, request.method(), request.path(), reason);
        } else {
            LOG.debugf("Database unavailable: %s %s: %s", request.method(), request.path(), reason);
        }
        return ProblemMappers.respond(request, 503, "service-unavailable", "Service unavailable",
                "The service's database cannot be reached right now; retry in " + RETRY_AFTER_SECONDS + " s.",
                List.of(), Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    private static Response staleVersion(HttpServerRequest request) {
        return ProblemMappers.respond(request, 412, "stale-version", "Precondition failed",
                "The resource was changed by someone else; read it again (new ETag) and retry.",
                List.of(new Violation("If-Match", "does not match the current version")), Map.of());
    }
}
