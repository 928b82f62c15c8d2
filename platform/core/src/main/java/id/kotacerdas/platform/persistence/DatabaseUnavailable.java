package id.kotacerdas.platform.persistence;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (as opposed to a bug or a bad request),
 * anywhere in a cause chain: refused, reset or closed connections, a server that is shutting down or starting up
 * ({@code 57P01}–{@code 57P03}), connection-class SQL states ({@code 08…}), too many connections ({@code 53300}) and
 * a pool that found no connection in time. The REST layer answers these {@code 503} with {@code Retry-After}
 * ({@code PersistenceProblemMappers}); everything else stays a {@code 500}.
 */
public final class DatabaseUnavailable {

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up / shutting down), too_many_connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Vert.x's messages for a pool that found no connection in time (one-shot queries / getConnection). */
    private static final Set<String> POOL_TIMEOUTS = Set.of("Timeout waiting for connection", "Timeout");
    private static final int MAX_DEPTH = 12;

    private DatabaseUnavailable() {
    }

    /** A short reason when {@code failure} (or one of its causes) says the database is unreachable, else empty. */
    public static Optional<String> reason(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause() == t ? null : t.getCause()) {
            String reason = ownReason(t);
            if (reason != null) {
                return Optional.of(reason);
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
