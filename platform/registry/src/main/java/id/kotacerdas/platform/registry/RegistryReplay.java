package id.kotacerdas.platform.registry;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Reads the registry topic from its beginning whenever partitions are assigned. The topic is compacted and small
 * (hundreds of records) and applying a record twice changes nothing, so this costs little and keeps the replica right
 * even when the service's database was replaced or restored while its consumer group's offsets survived, a case in
 * which committed offsets alone would leave the replica empty for good.
 */
@ApplicationScoped
@Identifier("kotacerdas-region-registry-replay")
public class RegistryReplay implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(RegistryReplay.class);

    @Inject
    RegistryConfig config;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (config.replayOnAssignment() && !partitions.isEmpty()) {
            LOG.debugf("Reading the region registry from the beginning of %s", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
