package id.kotacerdas.platform.web;

import id.kotacerdas.platform.persistence.DatabaseUnavailable;
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
    public Response socket(SocketException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Vert.x SQL client failures: {@code PgException} (SQLState), closed connections, pool timeouts. */
    @ServerExceptionMapper
    public Response vertx(VertxException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Hibernate's wrappers ({@code JDBCConnectionException}, {@code GenericJDBCException}, ...). */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    @ServerExceptionMapper
    public Response completion(CompletionException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /** Mutiny's several failures in one (a write that failed and whose rollback failed too, during a shutdown). */
    @ServerExceptionMapper
    public Response composite(CompositeException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    /**
     * Any other unchecked failure whose cause tree holds a database outage (however a library wrapped it); without
     * one it is the ordinary {@code 500}, as before.
     */
    @ServerExceptionMapper
    public Response wrapped(RuntimeException e, HttpServerRequest request) {
        return unavailableOrInternal(e, request);
    }

    private static Response unavailableOrInternal(Throwable e, HttpServerRequest request) {
        Optional<String> reason = DatabaseUnavailable.reason(e);
        if (reason.isEmpty()) {
            return ProblemMappers.internalError(e, request);
        }
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS) && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Database unavailable, answering 503 (at most one such line per %d s): %s %s: %s",
                    LOG_EVERY_SECONDS, request.method(), request.path(), reason.get());
        } else {
            LOG.debugf("Database unavailable: %s %s: %s", request.method(), request.path(), reason.get());
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
