package id.kotacerdas.assessment.messaging;

import id.kotacerdas.assessment.domain.DueBasis;
import id.kotacerdas.assessment.repository.EvaluationDueRepository;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes masterplan-service's {@code kotacerdas.masterplan.v1}: a ratified masterplan ({@code MasterplanRatified})
 * makes the region due for evaluation from the year after its ratification (ratified 2022 → evaluation 2023), through
 * the platform inbox (applied once per event id; an event it cannot read goes to {@code kotacerdas.masterplan.v1.dlq}).
 * The fact is an upsert that keeps the earliest year ({@link EvaluationDueRepository}), so redeliveries and any order
 * of events give the same result. The topic's other event types are acknowledged and skipped.
 */
@ApplicationScoped
public class MasterplanRatifiedHandler implements InboxHandler {

    public static final String CHANNEL = "masterplan-events";
    public static final String MASTERPLAN_RATIFIED = "id.kotacerdas.masterplan.MasterplanRatified.v1";
    static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");

    /** What this service reads of {@code MasterplanRatified.v1}; the rest of the event is ignored. */
    public record MasterplanRatified(UUID masterplanId, String regionCode, String instrument, String number, Integer year,
            LocalDate date) {
    }

    @Inject
    Inbox inbox;

    @Inject
    EvaluationDueRepository due;

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(this, message);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventRoutes routes() {
        // the producer's other types are skipped by the inbox (EventRoutes.skips), not dead-lettered
        return EventRoutes.builder().on(MASTERPLAN_RATIFIED, MasterplanRatified.class, this::ratified).build();
    }

    /** The facts come only from this topic: a rebuild forgets them and replays them. */
    @Override
    public Uni<Void> clearDerivedState() {
        return due.clear(DueBasis.MASTERPLAN_RATIFIED);
    }

    Uni<Void> ratified(IncomingEvent<MasterplanRatified> event) {
        MasterplanRatified data = event.data();
        if (data.regionCode() == null || !REGION_CODE.matcher(data.regionCode()).matches()) {
            throw new PoisonEventException("MasterplanRatified " + event.id() + " has no valid regionCode: "
                    + data.regionCode());
        }
        Integer ratifiedIn = data.date() != null ? Integer.valueOf(data.date().getYear()) : data.year();
        if (ratifiedIn == null || ratifiedIn < 2000 || ratifiedIn > 2100) {
            throw new PoisonEventException("MasterplanRatified " + event.id() + " has no ratification date or year");
        }
        String reference = "masterplan ratified by " + data.instrument() + " " + data.number() + "/" + data.year()
                + (data.date() == null ? "" : " of " + data.date());
        return due.record(data.regionCode(), DueBasis.MASTERPLAN_RATIFIED, ratifiedIn + 1, reference, event.id(),
                event.time());
    }
}
