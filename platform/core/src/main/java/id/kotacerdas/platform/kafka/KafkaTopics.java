package id.kotacerdas.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Makes sure the topics of {@link KafkaTopicsConfig} exist with their settings: creates a missing one, and sets a
 * declared setting again on a topic that has another value (say, a topic the broker auto-created before, without
 * compaction).
 *
 * <p>The outbox relay sends nothing before {@link #ready()} succeeded once, so no event can reach a declared topic
 * that the broker would auto-create with its defaults. Start-up does not wait for it: when Kafka is down, the relay
 * retries with its back-off and events wait in the outbox, as they do for any Kafka outage.
 */
@ApplicationScoped
public class KafkaTopics {

    private static final Logger LOG = Logger.getLogger(KafkaTopics.class);

    @Inject
    KafkaTopicsConfig config;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile boolean ready;
    private Admin admin;

    void start(@Observes StartupEvent event) {
        if (!config.topics().isEmpty()) {
            ready().subscribe().with(ignored -> { }, e -> LOG.warnf(
                    "Kafka topics %s not checked yet (%s); the outbox relay retries", config.topics().keySet(),
                    e.getMessage()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (admin != null) {
                admin.close(config.adminTimeout());
                admin = null;
            }
        }
    }

    /** Completes once every declared topic exists with its settings; fails (to be called again) while Kafka cannot say. */
    public Uni<Void> ready() {
        if (ready || config.topics().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            synchronized (this) {
                if (!ready) {
                    for (Map.Entry<String, KafkaTopicsConfig.Topic> topic : config.topics().entrySet()) {
                        ensure(topic.getKey(), topic.getValue().partitions(), topic.getValue().replicationFactor(),
                                topic.getValue().config());
                    }
                    ready = true;
                }
                return null;
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }

    /**
     * Creates {@code topic} unless it exists, and sets each of {@code settings} that differs on the broker. Blocking;
     * returns the topic's settings as the broker reports them afterwards.
     */
    public synchronized Map<String, String> ensure(String topic, Optional<Integer> partitions,
            Optional<Short> replicationFactor, Map<String, String> settings) {
        Admin client = admin();
        long timeout = config.adminTimeout().toMillis();
        try {
            Set<String> existing = client.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
            if (!existing.contains(topic)) {
                try {
                    client.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(settings)))
                            .all().get(timeout, TimeUnit.MILLISECONDS);
                    LOG.infof("Created Kafka topic %s with %s", topic, settings);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    } // another replica was first: check its settings below
                }
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config current = client.describeConfigs(List.of(resource)).all()
                    .get(timeout, TimeUnit.MILLISECONDS).get(resource);
            Collection<AlterConfigOp> changes = new ArrayList<>();
            Map<String, String> changed = new LinkedHashMap<>();
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                ConfigEntry entry = current.get(setting.getKey());
                if (entry == null || !setting.getValue().equals(entry.value())) {
                    changes.add(new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()),
                            AlterConfigOp.OpType.SET));
                    changed.put(setting.getKey(), (entry == null ? "(unset)" : entry.value()) + " -> " + setting.getValue());
                }
            }
            if (!changes.isEmpty()) {
                client.incrementalAlterConfigs(Map.of(resource, changes)).all()
                        .get(timeout, TimeUnit.MILLISECONDS);
                LOG.warnf("Kafka topic %s had other settings; changed %s", topic, changed);
                // the broker applies a change through its metadata log: describe until it shows (bounded)
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
                do {
                    current = client.describeConfigs(List.of(resource)).all()
                            .get(timeout, TimeUnit.MILLISECONDS).get(resource);
                    if (applied(current, settings)) {
                        break;
                    }
                    Thread.sleep(50);
                } while (System.nanoTime() < deadline);
                if (!applied(current, settings)) {
                    throw new TimeoutException("the broker does not show the changed settings " + changed);
                }
            }
            Map<String, String> result = new LinkedHashMap<>();
            current.entries().forEach(e -> result.put(e.name(), e.value()));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Kafka topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot check Kafka topic " + topic + ": " + cause.getMessage(), cause);
        }
    }

    private static boolean applied(Config current, Map<String, String> settings) {
        return settings.entrySet().stream().allMatch(setting -> current.get(setting.getKey()) != null
                && setting.getValue().equals(current.get(setting.getKey()).value()));
    }

        private Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            // only what an admin client understands: the connection and its security, not producer or consumer settings
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    props.put(key, value);
                }
            });
            props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kotacerdas-topics");
            int timeout = (int) config.adminTimeout().toMillis();
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
            admin = Admin.create(props);
        }
        return admin;
    }
}
