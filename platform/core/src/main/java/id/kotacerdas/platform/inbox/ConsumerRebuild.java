package id.kotacerdas.platform.inbox;

import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds what a consumer keeps from its events: forgets it and replays its topics from the
 * beginning, without applying any event twice and without losing one, also if the service stops
 * half-way.
 *
 * <ol>
 * <li>Pause the channel's Kafka consumer ({@link KafkaClientService}): nothing more is fetched.</li>
 * <li>Wait until what was fetched before the pause is processed and its offsets are committed
 * (committed offset = position, for every assigned partition). Nothing is in flight then, and the
 * connector's own commit strategy has nothing left to commit.</li>
 * <li>On the consumer's polling thread, so that no poll can come in between: check again that it is
 * paused and drained; commit the partitions' beginning offsets (from now on a restart, too, replays
 * from the beginning); delete the consumer's derived state ({@link InboxHandler#clearDerivedState()})
 * and its {@code processed_event} rows in one transaction; seek to the beginning.</li>
 * <li>Resume. The events come again, in order, and are applied once each; the replay's progress is committed
 * as it goes, so the consumer's lag shows what is left to replay and is zero once caught up (see
 * {@link #catchUp}). Once it has caught up with the end offsets taken when it began, the handler is told
 * ({@link InboxHandler#replayCaughtUp()}): a consumer that builds beside its live projection swaps it in then.</li>
 * </ol>
 *
 * A rebuild needs the consumer to hold every partition of its topics (one instance of the service,
 * or one consumer of the group): another member would keep consuming into the state being cleared,
 * so the rebuild is refused ({@code 409}) while the group has other members with partitions.
 */
@ApplicationScoped
public class ConsumerRebuild {

    private static final Logger LOG = Logger.getLogger(ConsumerRebuild.class);
    private static final Duration DRAIN_CHECK = Duration.ofMillis(100);

    @Inject
    @Any
    Instance<InboxHandler> handlers;

    @Inject
    KafkaClientService kafka;

    @Inject
    Inbox inbox;

    @Inject
    InboxConfig config;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private static final long CATCH_UP_EVERY_MS = 500;

    /** The channels of this service's consumers. */
    public Set<String> channels() {
        return handlers.stream().map(InboxHandler::channel).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Starts a rebuild of the consumer of {@code channel}; completes once its state is cleared and its
     * partitions are set back (the replay then runs on).
     *
     * @throws ProblemException 404 for a channel without consumer, 409 while another rebuild of it runs
     *         or other group members hold partitions, 503 when the consumer has no partitions yet or
     *         does not drain in time
     */
    public Uni<RebuildReport> rebuild(String channel) {
        InboxHandler handler = handlers.stream().filter(h -> h.channel().equals(channel)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No event consumer reads channel '" + channel
                        + "'. This service's consumers: " + (channels().isEmpty() ? "none" : String.join(", ", channels())) + "."));
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
        if (consumer == null) {
            throw unavailable("The Kafka consumer of channel '" + channel + "' has not started.");
        }
        if (!running.add(channel)) {
            throw ProblemException.conflict("A rebuild of channel '" + channel + "' is already running.");
        }
        long deadline = System.nanoTime() + config.rebuildDrainTimeout().toNanos();
        LOG.infof("Rebuild of consumer %s: pausing the channel", channel);
        return Uni.createFrom().deferred(() -> attempt(consumer, handler, deadline))
                .call(() -> consumer.resume())
                .onFailure().call(() -> consumer.resume().onFailure().recoverWithNull())
                .invoke(report -> LOG.infof("Rebuild of consumer %s: state cleared (%d processed events forgotten), "
                        + "replaying %s", channel, report.forgottenEvents(), report.partitions()))
                .invoke(report -> catchUp(consumer, handler, report, generation(channel)))
                .eventually(() -> running.remove(channel));
    }

    private long generation(String channel) {
        return generations.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Commits the replay's progress up to where the consumer stood before the rebuild. The connector's throttled
     * commit strategy remembers the highest offset it committed per partition and commits nothing below it: after the
     * rebuild set the partitions back, it would commit again only past that offset, and a partition without new
     * records would show the whole replay as lag for good (issue 27 saw 279 and 408 records for minutes). So until
     * every partition's committed offset reaches its {@code untilOffset}, the offset after the last record the inbox
     * finished there ({@link Inbox#handledUpTo}) is committed every {@value #CATCH_UP_EVERY_MS} ms, on the polling
     * thread. Stops when caught up, when the partition moved to another member, or when another rebuild began.
     */
    private void catchUp(KafkaConsumer<Object, Object> consumer, InboxHandler handler, RebuildReport report, long generation) {
        String channel = handler.channel();
        Map<TopicPartition, Long> until = new HashMap<>();
        report.partitions().forEach(p -> until.put(new TopicPartition(p.topic(), p.partition()), p.untilOffset()));
        catchUpStep(consumer, channel, until, generation)
                .chain(progress -> progress == Progress.CAUGHT_UP && generations.get(channel).get() == generation
                        ? caughtUp(handler).replaceWith(progress)
                        : Uni.createFrom().item(progress))
                .subscribe().with(
                        progress -> {
                            if (progress == Progress.CAUGHT_UP) {
                                LOG.infof("Rebuild of consumer %s: the replay caught up; its offsets are committed", channel);
                            }
                        },
                        failure -> LOG.warnf("Rebuild of consumer %s: committing the replay's progress or finishing the "
                                + "rebuild stopped (%s); the connector commits again once the replay passes the old offsets",
                                channel, failure.toString()));
    }

    /** Tells the handler that its replay caught up ({@link InboxHandler#replayCaughtUp()}), in a transaction. */
    private Uni<Void> caughtUp(InboxHandler handler) {
        return Uni.createFrom().<Void> item(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(handler::replayCaughtUp));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("Finishing the rebuild of consumer " + handler.channel() + " failed", e);
            }
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Where a replay stands. */
    private enum Progress {
        /** Not every partition has reached the end offsets of the rebuild's start yet. */
        GOING,
        /** Every partition reached them: every record of the replay is processed and committed. */
        CAUGHT_UP,
        /** Stopped watching: the partitions moved to another member or another rebuild began. */
        GONE
    }

    private Uni<Progress> catchUpStep(KafkaConsumer<Object, Object> consumer, String channel, Map<TopicPartition, Long> until,
            long generation) {
        if (generations.get(channel).get() != generation) {
            return Uni.createFrom().item(Progress.GONE);
        }
        return consumer.runOnPollingThread((Function<Consumer<Object, Object>, Progress>) c -> commitProgress(c, channel, until))
                .chain(progress -> progress != Progress.GOING ? Uni.createFrom().item(progress)
                        : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(CATCH_UP_EVERY_MS))
                                .chain(() -> catchUpStep(consumer, channel, until, generation)));
    }

    /** On the polling thread: commits what the replay finished, and says whether every partition is caught up. */
    private Progress commitProgress(Consumer<Object, Object> c, String channel, Map<TopicPartition, Long> until) {
        Set<TopicPartition> mine = new java.util.HashSet<>(until.keySet());
        mine.retainAll(c.assignment());
        if (mine.isEmpty() && !until.isEmpty()) {
            return Progress.GONE;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(mine);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        boolean done = true;
        for (TopicPartition tp : mine) {
            long end = until.get(tp);
            long current = committed.get(tp) == null ? 0 : committed.get(tp).offset();
            long target = Math.min(end, inbox.handledUpTo(channel, tp).orElse(0));
            if (target > current) {
                commit.put(tp, new OffsetAndMetadata(target, "rebuild replay"));
            }
            done &= Math.max(current, target) >= end;
        }
        if (!commit.isEmpty()) {
            c.commitSync(commit);
        }
        return done ? Progress.CAUGHT_UP : Progress.GOING;
    }

    /** Pause, wait until drained, reset; again if a poll slipped in (the connector resumed on its own). */
    private Uni<RebuildReport> attempt(KafkaConsumer<Object, Object> consumer, InboxHandler handler, long deadline) {
        return consumer.pause()
                .chain(() -> awaitDrained(consumer, handler.channel(), deadline))
                .chain(() -> consumer.runOnPollingThread((Function<Consumer<Object, Object>, RebuildReport>) c -> resetIfStill(c, handler)))
                .chain(report -> report != null ? Uni.createFrom().item(report) : attempt(consumer, handler, deadline));
    }

    private Uni<Void> awaitDrained(KafkaConsumer<Object, Object> consumer, String channel, long deadline) {
        return consumer.runOnPollingThread((Function<Consumer<Object, Object>, Boolean>) c -> {
            checkSoleOwner(c, channel);
            return drained(c);
        }).chain(drained -> {
            if (drained) {
                return Uni.createFrom().voidItem();
            }
            if (System.nanoTime() - deadline > 0) {
                return Uni.createFrom().failure(unavailable("The consumer of channel '" + channel
                        + "' did not finish its in-flight events within " + config.rebuildDrainTimeout() + "; try again."));
            }
            return Uni.createFrom().voidItem().onItem().delayIt().by(DRAIN_CHECK)
                    .chain(() -> awaitDrained(consumer, channel, deadline));
        });
    }

    /** On the polling thread: the reset itself, or {@code null} if the consumer is no longer paused and drained. */
    private RebuildReport resetIfStill(Consumer<Object, Object> c, InboxHandler handler) {
        checkSoleOwner(c, handler.channel());
        Set<TopicPartition> assigned = c.assignment();
        if (!c.paused().containsAll(assigned) || !drained(c)) {
            return null;
        }
        Map<TopicPartition, Long> beginning = c.beginningOffsets(assigned);
        Map<TopicPartition, Long> end = c.endOffsets(assigned);
        Map<TopicPartition, OffsetAndMetadata> restart = new HashMap<>();
        beginning.forEach((tp, offset) -> restart.put(tp, new OffsetAndMetadata(offset, "rebuild")));
        c.commitSync(restart);
        long forgotten;
        try {
            forgotten = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> handler.clearDerivedState().chain(() -> inbox.forget(handler.channel()))));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Clearing the state of consumer " + handler.channel() + " failed", e);
        }
        c.seekToBeginning(assigned);
        inbox.forgetPositions(handler.channel());
        List<RebuildReport.PartitionReplay> partitions = new ArrayList<>();
        for (TopicPartition tp : assigned) {
            partitions.add(new RebuildReport.PartitionReplay(tp.topic(), tp.partition(), beginning.get(tp), end.get(tp)));
        }
        partitions.sort(Comparator.comparing(RebuildReport.PartitionReplay::topic)
                .thenComparingInt(RebuildReport.PartitionReplay::partition));
        return new RebuildReport(handler.channel(), c.groupMetadata().groupId(), forgotten, partitions);
    }

    /**
     * Whether every record handed to the channel has been processed and committed: for each assigned
     * partition, committed offset (or the partition's beginning) at least its position.
     */
    private static boolean drained(Consumer<Object, Object> c) {
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            return true;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned);
        Map<TopicPartition, Long> beginning = c.beginningOffsets(assigned);
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata done = committed.get(tp);
            long processedUpTo = Math.max(done == null ? 0 : done.offset(), beginning.getOrDefault(tp, 0L));
            if (processedUpTo < c.position(tp)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a rebuild while partitions of the consumer's topics belong to another member of its group. */
    private static void checkSoleOwner(Consumer<Object, Object> c, String channel) {
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            throw unavailable("The consumer of channel '" + channel + "' has no partitions assigned yet; try again.");
        }
        List<String> elsewhere = new ArrayList<>();
        for (String topic : c.subscription()) {
            List<PartitionInfo> partitions = c.partitionsFor(topic);
            if (partitions == null) {
                continue;
            }
            for (PartitionInfo p : partitions) {
                TopicPartition tp = new TopicPartition(p.topic(), p.partition());
                if (!assigned.contains(tp)) {
                    elsewhere.add(tp.toString());
                }
            }
        }
        if (!elsewhere.isEmpty()) {
            throw new ProblemException(409, "consumer-group-shared", "Consumer group has other members",
                    "Partitions " + elsewhere + " of channel '" + channel + "' belong to another instance of the service. "
                            + "Run one instance, then rebuild.");
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "consumer-unavailable", "Consumer unavailable", detail);
    }
}
