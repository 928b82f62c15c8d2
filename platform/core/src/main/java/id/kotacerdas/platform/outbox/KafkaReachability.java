package id.kotacerdas.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.Config;

/**
 * Whether the Kafka cluster of the outbox channel answers, asked with a short deadline ({@code describeCluster}), for
 * the outbox readiness check. One admin client, created on first use from the same settings as the channel
 * ({@code kafka.*}, overridden by {@code mp.messaging.connector.smallrye-kafka.*} and
 * {@code mp.messaging.outgoing.outbox.*} for the bootstrap servers), created at start-up (not on the event loop that
 * serves the first health request) and closed at shutdown. It connects only when asked.
 */
@ApplicationScoped
public class KafkaReachability {

    @Inject
    @Identifier("default-kafka-broker")
    Instance<Map<String, Object>> defaultKafkaConfig;

    @Inject
    Config config;

    private volatile Admin admin;

    /** "UP (n brokers)" or "DOWN: reason"; never fails, completes within about {@code timeout}. */
    public Uni<String> probe(Duration timeout) {
        Admin client;
        try {
            client = admin();
        } catch (RuntimeException e) {
            return Uni.createFrom().item("UNKNOWN: " + e.getMessage());
        }
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        return Uni.createFrom().completionStage(() -> client.describeCluster(options).nodes().toCompletionStage())
                .ifNoItem().after(timeout.plusMillis(100)).fail()
                .map(nodes -> "UP (" + nodes.size() + (nodes.size() == 1 ? " broker)" : " brokers)"))
                .onFailure().recoverWithItem(e -> "DOWN: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                current = admin;
                if (current == null) {
                    current = Admin.create(adminConfig());
                    admin = current;
                }
            }
        }
        return current;
    }

    Map<String, Object> adminConfig() {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> settings = new HashMap<>();
        if (defaultKafkaConfig.isResolvable()) {
            defaultKafkaConfig.get().forEach((key, value) -> {
                if (known.contains(key)) {
                    settings.put(key, value);
                }
            });
        }
        for (String prefix : new String[] { "mp.messaging.connector.smallrye-kafka.", "mp.messaging.outgoing.outbox." }) {
            Optional<String> servers = config.getOptionalValue(prefix + "bootstrap.servers", String.class);
            servers.ifPresent(s -> settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s));
        }
        settings.putIfAbsent(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getOptionalValue("quarkus.application.name", String.class)
                .orElse("kotacerdas") + "-outbox-health");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        return settings;
    }

    void start(@Observes StartupEvent event) {
        if (!config.getOptionalValue("kotacerdas.outbox.enabled", Boolean.class).orElse(true)) {
            return;
        }
        try {
            admin();
        } catch (RuntimeException e) {
            // reported by probe() as UNKNOWN, tried again at the next probe
        }
    }

    void close(@Observes ShutdownEvent event) {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
