package id.kotacerdas.platform.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL {@code LISTEN} on the service's own database, for whatever must follow a change another instance made:
 * the outbox relay (a new event was committed) and region-service's reference-data version. A listener keeps its own
 * connection, reconnects after the database was away, and runs {@code onListening} on every (re)connection, because
 * a notice sent while it was away is lost: whoever listens reads the state again then.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String datasourceUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String datasourceUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String datasourcePassword;

    /** One channel's listener; {@link #close()} stops it and its reconnections. */
    public static final class Listener implements AutoCloseable {

        private final PgSubscriber subscriber;
        private volatile boolean closed;

        private Listener(PgSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void close() {
            closed = true;
            subscriber.close();
        }
    }

    /**
     * Listens on {@code channel} until closed.
     *
     * @param purpose          what listens, shown as the connection's {@code application_name} and in the log
     * @param reconnectMillis  the wait before each reconnection
     * @param onNotice         runs with each notice's payload
     * @param onListening      runs on each (re)connection
     */
    public Listener listen(String channel, String purpose, long reconnectMillis, Consumer<String> onNotice,
            Runnable onListening) {
        PgConnectOptions options = PgConnectOptions.fromUri(datasourceUrl.replaceFirst("^vertx-reactive:", ""))
                .setUser(datasourceUser).setPassword(datasourcePassword);
        options.addProperty("application_name", purpose);
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options);
        Listener listener = new Listener(subscriber);
        subscriber.reconnectPolicy(retries -> listener.closed ? -1L : reconnectMillis);
        subscriber.channel(channel).handler(onNotice::accept).subscribeHandler(ignored -> onListening.run());
        subscriber.connect().onFailure(e -> LOG.warnf("%s not connected yet (%s); it keeps trying", purpose,
                e.getMessage()));
        return listener;
    }
}
