package id.kotacerdas.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The whole cause tree is asked, not only the {@code getCause()} chain (issue 27: a 500 while PostgreSQL shut down). */
class DatabaseUnavailableTest {

    @Test
    void aConnectionFailureInsideACompositeExceptionIsAnOutage() {
        // what Hibernate Reactive surfaces when the write and then its rollback fail during a shutdown
        CompositeException composite = new CompositeException(List.of(
                new IllegalStateException("Transaction rollback failed"),
                ClosedConnectionException.INSTANCE));

        assertThat(DatabaseUnavailable.reason(composite)).contains("the connection was closed");
        assertThat(DatabaseUnavailable.reason(new CompletionException(composite))).isPresent();
        assertThat(DatabaseUnavailable.reason(new RuntimeException("wrapped", new CompletionException(composite))))
                .isPresent();
    }

    @Test
    void aSuppressedConnectionFailureIsAnOutage() {
        RuntimeException failure = new RuntimeException("write failed");
        failure.addSuppressed(new ConnectException("Connection refused"));

        assertThat(DatabaseUnavailable.reason(failure)).contains("connection failed: Connection refused");
    }

    @Test
    void aCommandOnAConnectionTheServerClosedIsAnOutage() {
        // the CI failure of stop 31: a 500 for a write caught while PostgreSQL stopped
        Throwable closed = new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        Throwable pending = new io.vertx.core.impl.NoStackTraceThrowable(
                "Pending requests failed to be sent due to connection has been closed.");

        assertThat(DatabaseUnavailable.reason(closed)).contains("the connection was closed: " + closed.getMessage());
        assertThat(DatabaseUnavailable.reason(new CompletionException(pending))).isPresent();
        assertThat(DatabaseUnavailable.reason(new io.vertx.core.impl.NoStackTraceThrowable("something else"))).isEmpty();
    }

    @Test
    void aTreeWithoutADatabaseFailureIsNotAnOutageAndCyclesEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b); // a cycle through the suppressed list
        CompositeException composite = new CompositeException(List.of(a, new IllegalArgumentException("bug")));

        assertThat(DatabaseUnavailable.reason(composite)).isEmpty();
        assertThat(DatabaseUnavailable.reason(null)).isEmpty();
    }
}
