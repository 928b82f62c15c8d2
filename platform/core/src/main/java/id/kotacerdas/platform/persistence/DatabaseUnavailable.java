package id.kotacerdas.platform.persistence;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (as opposed to a bug or a bad request),
 * anywhere in a cause tree (causes, the failures a Mutiny {@link CompositeException} holds, e.g. a failed write whose
 * rollback failed too, and suppressed exceptions): refused, reset or closed connections, a server that is shutting down or starting up
 * ({@code 57P01}–{@code 57P03}), connection-class SQL states ({@code 08…}), too many connections ({@code 53300}) and
 * a pool that found no connection in time. The REST layer answers these {@code 503} with {@code Retry-After}
 * ({@code PersistenceProblemMappers}); everything else stays a {@code 500}.
 */
public final class DatabaseUnavailable {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down), too_many_connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Vert.x's messages for a pool that found no connection in time (one-shot queries / getConnection). */
    private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout waiting for connection", "Timeout");
    /**
     * How the Vert.x SQL client fails a command on a connection the server closed under it (a
     * {@code NoStackTraceThrowable}, not a {@code RuntimeException}): "Connection is not active now, current status:
     * CLOSED", the pending commands of a closed connection, and a response that never came.
     */
    private static final List<String> CLOSED_CONNECTION_PREFIXES = List.of("Connection is not active now",
            "Pending requests failed to be sent due to connection has been closed",
            "Failed to read any response from the server");
    /** How many exceptions of one tree are looked at, at most (cause trees are small; cycles are skipped anyway). */
    private static final int MAX_NODES = 64;

    private DatabaseUnavailable() {
    }

    /**
     * A short reason when {@code failure} or any exception in its cause tree says the database is unreachable, else
     * empty. The tree is walked breadth first: {@link Throwable#getCause()}, {@link CompositeException#getCauses()}
     * and {@link Throwable#getSuppressed()}, each exception once.
     */
    public static Optional<String> reason(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        if (failure != null) {
            queue.add(failure);
        }
        while (!queue.isEmpty() && seen.size() < MAX_NODES) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            String reason = ownReason(t);
            if (reason != null) {
                return Optional.of(reason);
            }
            if (t instanceof CompositeException composite) {
                composite.getCauses().forEach(queue::add);
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                queue.add(suppressed);
            }
        }
        return Optional.empty();
    }

    private static String ownReason(Throwable t) {
        if (t instanceof SocketException || t instanceof ClosedChannelException) {
            return "connection failed: " + t.getMessage(); // refused, reset, connect timeout (netty's is a ConnectException)
        }
        if (t instanceof ClosedConnectionException) {
            return "the connection was closed";
        }
        if (t instanceof DatabaseException db) {
            return unavailableState(db.getSqlState()) ? "SQLState " + db.getSqlState() + ": " + db.getMessage() : null;
        }
        if (t instanceof JDBCConnectionException) {
            return "connection failed: " + t.getMessage();
        }
        if (t instanceof JDBCException jdbc) {
            return unavailableState(jdbc.getSQLState()) ? "SQLState " + jdbc.getSQLState() + ": " + jdbc.getMessage() : null;
        }
        if (t instanceof SQLException sql) {
            return unavailableState(sql.getSQLState()) ? "SQLState " + sql.getSQLState() + ": " + sql.getMessage() : null;
        }
        if ((t instanceof VertxException || "io.vertx.core.impl.NoStackTraceThrowable".equals(t.getClass().getName()))
                && POOL_TIMEOUTS.contains(t.getMessage())) {
            return "no pooled connection became free in time";
        }
        if ((t instanceof VertxException || "io.vertx.core.impl.NoStackTraceThrowable".equals(t.getClass().getName()))
                && t.getMessage() != null && CLOSED_CONNECTION_PREFIXES.stream().anyMatch(t.getMessage()::startsWith)) {
            return "the connection was closed: " + t.getMessage();
        }
        return null;
    }

    static boolean unavailableState(String sqlState) {
        if (sqlState == null) {
            return false;
        }
        // class 08 is "connection exception"; 08P01 (protocol violation) is a bug, not an outage
        return STATES.contains(sqlState) || sqlState.startsWith("08") && !sqlState.equals("08P01");
    }
}
