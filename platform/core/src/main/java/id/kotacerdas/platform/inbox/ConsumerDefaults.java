package id.kotacerdas.platform.inbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every Kafka consumer of a service its own consumer group,
 * {@code <quarkus.application.name>.<channel>}, without a line of configuration. SmallRye's
 * connector-level defaults cannot do it (they give every channel the same value), and Quarkus would
 * put every channel of a service into one group named after the application, so that one channel
 * could not be reset or rebuilt without the others. An explicit
 * {@code mp.messaging.incoming.<channel>.group.id} wins. Producers (outgoing channels, the connector's
 * dead-letter producers) are left as they are.
 */
@ApplicationScoped
public class ConsumerDefaults implements ClientCustomizer<Map<String, Object>> {

    @ConfigProperty(name = "quarkus.application.name")
    Optional<String> application;

    /** The consumer group of a channel by the suite's convention. */
    public static String groupId(String application, String channel) {
        return application + "." + channel;
    }

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        boolean consumer = config.containsKey(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)
                && !config.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        if (consumer && application.isPresent() && !explicitGroupId(channel)) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(application.get(), channel));
        }
        return config;
    }

    private static boolean explicitGroupId(String channel) {
        String prefix = channel.contains(".") ? "mp.messaging.incoming.\"" + channel + "\"." : "mp.messaging.incoming." + channel + ".";
        return ConfigProvider.getConfig().getOptionalValue(prefix + ConsumerConfig.GROUP_ID_CONFIG, String.class).isPresent();
    }
}
