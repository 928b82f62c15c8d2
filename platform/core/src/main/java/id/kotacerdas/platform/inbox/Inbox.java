package id.kotacerdas.platform.inbox;

import id.kotacerdas.platform.web.RequestIds;
import id.kotacerdas.platform.web.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.opentelemetry.runtime.QuarkusContextStorage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The idempotent consumer: applies an incoming event exactly once per consumer, however often Kafka
 * delivers it.
 *
 * <p>For each message {@link #process} reads the CloudEvent into the type its {@link InboxHandler}
 * declared, then, in one Hibernate Reactive transaction, inserts the event id into
 * {@code processed_event} ({@code ON CONFLICT DO NOTHING}) and runs the handler's effect only if the
 * row is new. Effect and record commit together: a redelivered or replayed event finds its row and
 * changes nothing, and an effect that failed left no row behind. Only after the commit is the message
 * acknowledged (the connector commits its offset later); a consumer that stops in between gets the
 * event again and skips it.
 *
 * <p>An event of a type the consumer does not handle, from a producer it listens to
 * ({@link EventRoutes#skips}), is acknowledged and skipped: counted in
 * {@code kotacerdas_inbox_skipped_total{channel,type}}, no {@code processed_event} row, never dead-lettered.
 *
 * <p>Failures: a poison event ({@link PoisonEventException}: not a CloudEvent, a type of a producer the
 * consumer does not listen to, bad JSON, or declared so by the handler) goes to the dead-letter topic at once. Any other failure is retried
 * {@code kotacerdas.inbox.retries} times with exponential back-off, each time in a fresh transaction,
 * and then goes to the dead-letter topic. The message is nacked with the reason, and the connector's
 * {@code dead-letter-queue} failure strategy writes it to {@code <topic>.dlq} (the inbox names the
 * topic in the nack's metadata) with {@code dead-letter-reason}, {@code dead-letter-cause},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}, and the
 * inbox's own {@value #CONSUMER_HEADER}, {@value #ATTEMPTS_HEADER} and {@value #POISON_HEADER}. Then the
 * channel goes on with the next message.
 *
 * <p>Every attempt runs on a Vert.x duplicated context marked safe (the message's own, as Quarkus
 * dispatches it, or a new one), also after a back-off, so Panache works in the effects. The event's
 * request id ({@code ce_requestid}) is in the logging MDC, and in the events the effect writes to the
 * outbox.
 *
 * <p>Tracing: every message is processed in a span {@code inbox <channel>}, a child of the Kafka consumer span
 * SmallRye made from the record's {@code traceparent} (so it joins the trace of the request that wrote the event),
 * with the event's type, id, subject and region code and the outcome as attributes. The span is current during every
 * attempt: the database calls of the effect are its children, its trace and span ids are in the log lines, and the
 * events the effect writes to the outbox carry it on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    /** Suffix of the dead-letter topic of a topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** Header on a dead-lettered record: the consumer (channel) that gave up on it. */
    public static final String CONSUMER_HEADER = "kotacerdas-dlq-consumer";
    /** Header on a dead-lettered record: how often the effect was tried (0: never, the event was unreadable). */
    public static final String ATTEMPTS_HEADER = "kotacerdas-dlq-attempts";
    /** Header on a dead-lettered record: {@code true} for poison, {@code false} when retries ran out. */
    public static final String POISON_HEADER = "kotacerdas-dlq-poison";

    static final String CLAIM = """
            INSERT INTO processed_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, processed_at)
            VALUES (:consumer, :id, :type, CAST(:topic AS VARCHAR), CAST(:partition AS INTEGER), CAST(:offset AS BIGINT), now())
            ON CONFLICT (consumer, event_id) DO NOTHING""";
    static final String FORGET = "DELETE FROM processed_event WHERE consumer = :consumer";

    @Inject
    InboxConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    private final Map<String, EventRoutes> routes = new ConcurrentHashMap<>();
    /** Per channel and partition: the offset after the last record finished ({@link #handledUpTo}). */
    private final Map<String, Map<TopicPartition, Long>> positions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> epochs = new ConcurrentHashMap<>();

    /** What became of one event. */
    public enum Outcome {
        /** The effect ran and committed with the event's {@code processed_event} row. */
        APPLIED,
        /** The consumer had processed the event before: nothing changed. */
        DUPLICATE
    }

    /**
     * Processes one message of {@code handler}'s channel and acknowledges it, or sends it to the
     * dead-letter topic. Return the result from the {@code @Incoming} method. The returned {@code Uni}
     * fails only if the dead-letter topic cannot be written.
     */
    public Uni<Void> process(InboxHandler handler, Message<?> message) {
        long epoch = epochs.computeIfAbsent(handler.channel(), c -> new AtomicLong()).get();
        return processOnce(handler, message).invoke(() -> handled(handler.channel(), epoch, message));
    }

    /**
     * Where {@code channel} stands in a partition: the offset after the last record it finished there (applied,
     * skipped or dead-lettered, its acknowledgement done), since the start or since the last {@link #forgetPositions};
     * empty when it finished none. A rebuild commits these as the replay goes ({@link ConsumerRebuild}).
     */
    OptionalLong handledUpTo(String channel, TopicPartition partition) {
        Long next = positions.getOrDefault(channel, Map.of()).get(partition);
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** Forgets where {@code channel} stands (its consumer was set back to the beginning of its topics). */
    void forgetPositions(String channel) {
        epochs.computeIfAbsent(channel, c -> new AtomicLong()).incrementAndGet();
        positions.remove(channel);
    }

    private void handled(String channel, long epoch, Message<?> message) {
        if (epochs.get(channel).get() != epoch) {
            return; // began before the consumer was set back: not a step of the replay
        }
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(kafka -> positions
                .computeIfAbsent(channel, c -> new ConcurrentHashMap<>())
                .merge(new TopicPartition(kafka.getTopic(), kafka.getPartition()), kafka.getOffset() + 1, Math::max));
    }

    private Uni<Void> processOnce(InboxHandler handler, Message<?> message) {
        String consumer = handler.channel();
        io.opentelemetry.context.Context parent = TracingMetadata.fromMessage(message)
                .map(TracingMetadata::getCurrentContext).orElseGet(io.opentelemetry.context.Context::current);
        Span span = tracer.spanBuilder("inbox " + consumer).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("messaging.system", "kafka").setAttribute("kotacerdas.consumer", consumer).startSpan();
        io.opentelemetry.context.Context traced = parent.with(span);
        EventReader.Read read;
        try {
            read = EventReader.read(message, routesOf(handler));
        } catch (PoisonEventException poison) {
            return ended(span, deadLetter(consumer, message, poison, 0), "dead-lettered");
        } catch (UnhandledEventTypeException unhandled) {
            return ended(span, skip(consumer, message, unhandled.type()), "skipped");
        }
        IncomingEvent<?> incoming = read.event();
        span.setAttribute("cloudevents.event_id", incoming.id()).setAttribute("cloudevents.event_type", incoming.type());
        if (incoming.subject() != null) {
            span.setAttribute("cloudevents.event_subject", incoming.subject());
            Traces.regionCode(incoming.subject()).ifPresent(code -> span.setAttribute(Traces.REGION_CODE, code));
        }
        if (incoming.requestId() != null) {
            span.setAttribute(Traces.REQUEST_ID, incoming.requestId());
        }
        Context context = safeContext();
        AtomicInteger attempts = new AtomicInteger();
        Uni<Outcome> attempt = Uni.createFrom().deferred(() -> {
            attempts.incrementAndGet();
            // current for the attempt's database calls, its log lines and the events its effect writes
            QuarkusContextStorage.INSTANCE.attach(context, traced);
            return apply(consumer, read);
        }).runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
        if (config.retries() > 0) {
            attempt = attempt
                    .onFailure(failure -> !PoisonEventException.isPoison(failure)).invoke(failure -> {
                        retries(consumer).increment();
                        LOG.debugf("Consumer %s: attempt %d at event %s failed (%s)", consumer, attempts.get(),
                                read.event().id(), failure.toString());
                    })
                    .onFailure(failure -> !PoisonEventException.isPoison(failure)).retry()
                    .withBackOff(config.retryBackoff(), config.retryMaxBackoff()).atMost(config.retries());
        }
        return attempt.onItemOrFailure().transformToUni((outcome, failure) -> {
            if (failure == null) {
                return ended(span, acknowledge(consumer, message, read.event(), outcome),
                        outcome == Outcome.APPLIED ? "applied" : "duplicate");
            }
            span.recordException(failure);
            return ended(span, deadLetter(consumer, message, failure, attempts.get()), "dead-lettered");
        });
    }

    private static Uni<Void> ended(Span span, Uni<Void> done, String outcome) {
        span.setAttribute("kotacerdas.inbox.outcome", outcome);
        if (!"applied".equals(outcome) && !"duplicate".equals(outcome)) {
            span.setStatus(StatusCode.ERROR);
        }
        return done.onTermination().invoke(span::end);
    }

    /** Inside the rebuild's transaction: forgets every event {@code consumer} processed. */
    Uni<Integer> forget(String consumer) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(FORGET)
                .setParameter("consumer", consumer).executeUpdate());
    }

    private Uni<Outcome> apply(String consumer, EventReader.Read read) {
        IncomingEvent<?> event = read.event();
        if (event.requestId() != null) {
            MDC.put(RequestIds.MDC_REQUEST_ID, event.requestId());
        }
        return Panache.withTransaction(() -> claim(consumer, event).flatMap(claimed -> claimed
                ? read.route().apply(event).replaceWith(Outcome.APPLIED)
                : Uni.createFrom().item(Outcome.DUPLICATE)));
    }

    /** Records the event as processed by {@code consumer}; {@code false} if it already was. */
    private static Uni<Boolean> claim(String consumer, IncomingEvent<?> event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIM)
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", event.topic())
                .setParameter("partition", event.partition() < 0 ? null : event.partition())
                .setParameter("offset", event.offset() < 0 ? null : event.offset())
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    private Uni<Void> acknowledge(String consumer, Message<?> message, IncomingEvent<?> event, Outcome outcome) {
        events(consumer, outcome == Outcome.APPLIED ? "applied" : "duplicate").increment();
        if (outcome == Outcome.DUPLICATE) {
            LOG.debugf("Consumer %s skipped event %s (%s): processed before", consumer, event.id(), event.type());
        }
        return Uni.createFrom().completionStage(message::ack);
    }

    /** A type the consumer does not handle (declared by its routes): acknowledged, counted, never dead-lettered. */
    private Uni<Void> skip(String consumer, Message<?> message, String type) {
        Counter.builder("kotacerdas.inbox.skipped")
                .description("Events of a type the consumer does not handle, acknowledged and skipped")
                .tag("channel", consumer).tag("type", type).register(registry).increment();
        LOG.debugf("Consumer %s skipped an event of type %s: not handled", consumer, type);
        return Uni.createFrom().completionStage(message::ack);
    }

    private Uni<Void> deadLetter(String consumer, Message<?> message, Throwable failure, int attempts) {
        boolean poison = PoisonEventException.isPoison(failure);
        Throwable last = failure instanceof CompositeException composite ? composite.getCauses().get(0) : failure;
        Throwable reason = poison || attempts == 0 ? last
                : new InboxFailureException("Gave up after " + attempts + " attempt(s): " + describe(last), last);
        Optional<IncomingKafkaRecordMetadata> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class);
        String where = kafka.map(k -> k.getTopic() + "-" + k.getPartition() + "@" + k.getOffset()).orElse("a message");
        LOG.warnf("Consumer %s sends %s to the dead-letter topic (%s): %s", consumer, where,
                poison ? "poison" : attempts + " attempt(s)", describe(reason));
        events(consumer, "dead-lettered").increment();
        kafka.ifPresent(k -> Counter.builder("kotacerdas.inbox.dead.letters")
                .description("Records a consumer sent to a dead-letter topic").tag("consumer", consumer)
                .tag("topic", k.getTopic() + DEAD_LETTER_SUFFIX).register(registry).increment());
        if (kafka.isEmpty()) {
            return Uni.createFrom().completionStage(() -> message.nack(reason));
        }
        OutgoingKafkaRecordMetadata<Object> target = OutgoingKafkaRecordMetadata.builder()
                .withTopic(kafka.get().getTopic() + DEAD_LETTER_SUFFIX)
                .withHeaders(List.of(header(CONSUMER_HEADER, consumer), header(ATTEMPTS_HEADER, Integer.toString(attempts)),
                        header(POISON_HEADER, Boolean.toString(poison))))
                .build();
        return Uni.createFrom().completionStage(() -> message.nack(reason, Metadata.of(target)));
    }

    /** The message's duplicated context, or a new one, marked safe for Hibernate Reactive. */
    private Context safeContext() {
        Context current = Vertx.currentContext();
        Context context = current != null && VertxContext.isDuplicatedContext(current)
                && !VertxContextSafetyToggle.isExplicitlyMarkedAsUnsafe(current)
                        ? current
                        : VertxContext.createNewDuplicatedContext(current != null ? current : vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    private EventRoutes routesOf(InboxHandler handler) {
        return routes.computeIfAbsent(handler.channel(), channel -> handler.routes());
    }

    private Counter events(String consumer, String outcome) {
        return Counter.builder("kotacerdas.inbox.events").description("Events an inbox consumer finished, by outcome")
                .tag("consumer", consumer).tag("outcome", outcome).register(registry);
    }

    private Counter retries(String consumer) {
        return Counter.builder("kotacerdas.inbox.retries").description("Failed attempts at an event that were retried or given up")
                .tag("consumer", consumer).register(registry);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }

    /** Why an event went to the dead-letter topic after its retries; the last failure is the cause. */
    static final class InboxFailureException extends RuntimeException {
        InboxFailureException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
