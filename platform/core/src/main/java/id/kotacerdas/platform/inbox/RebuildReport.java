package id.kotacerdas.platform.inbox;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a rebuild did: the consumer's derived state and {@code processed_event} rows were deleted and
 * its partitions set back to their beginning; the replay runs on after the answer.
 *
 * @param channel the consumer's channel
 * @param groupId its Kafka consumer group
 * @param forgottenEvents how many {@code processed_event} rows were deleted
 * @param partitions each partition replayed: from its first offset up to its end when the replay began
 */
@Schema(name = "ConsumerRebuild", description = "A rebuild that has started: state cleared, partitions set back.")
public record RebuildReport(String channel, String groupId, long forgottenEvents, List<PartitionReplay> partitions) {

    /**
     * @param topic the topic
     * @param partition the partition
     * @param fromOffset the first offset still in the partition, where the replay starts
     * @param untilOffset the partition's end when the replay began: once the consumer's committed offset
     *        reaches it, everything that existed then has been replayed
     */
    public record PartitionReplay(String topic, int partition, long fromOffset, long untilOffset) {
    }
}
