package id.kotacerdas.assessment.messaging;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes masterplan-service's {@code kotacerdas.masterplan.v1}: a ratified masterplan ({@code MasterplanRatified},
 * LIVE; a RECORDED one, the past recorded from its sources, makes nobody due: it starts no live workflow) makes the region due for evaluation from the year after its ratification (ratified 2022 →
 * evaluation 2023); a ratification corrected at its source ({@code RatificationCorrected}, the ratification as it now
 * stands) recomputes that year from its new date; withdrawn ({@code RatificationWithdrawn}) it no longer makes the
 * region due (the region may still be due by its MoU). Through the platform inbox (applied once per event id; an
 * event it cannot read goes to {@code kotacerdas.masterplan.v1.dlq}), one fact per masterplan
 * ({@link EvaluationDueRepository}), so redeliveries and any order of events give the same result. The topic's other
 * event types are acknowledged and skipped.
 */
@ApplicationScoped
public class MasterplanRatifiedHandler implements InboxHandler {

    static final Logger LOG = Logger.getLogger(MasterplanRatifiedHandler.class);

    public static final String CHANNEL = "masterplan-events";
    public static final String MASTERPLAN_RATIFIED = "id.kotacerdas.masterplan.MasterplanRatified.v1";
    public static final String RATIFICATION_CORRECTED = "id.kotacerdas.masterplan.RatificationCorrected.v1";
    public static final String RATIFICATION_WITHDRAWN = "id.kotacerdas.masterplan.RatificationWithdrawn.v1";
    static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");
    static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The revision a correction or a withdrawal made ({@code correction.revision}, {@code withdrawal.revision}). */
    public record Revised(Integer revision) {
    }

    /**
     * What this service reads of {@code MasterplanRatified.v1} and {@code RatificationCorrected.v1} (with
     * {@code correction}) and {@code RatificationWithdrawn.v1} (with {@code withdrawal}); the rest is ignored. The
     * ratification's year is its {@code date}'s, else its {@code occurred}'s (a MONTH or YEAR), else {@code year}.
     */
    public record MasterplanRatified(UUID masterplanId, UUID recordId, String regionCode, String instrument,
            String number, Integer year, JsonNode date, JsonNode occurred, String origin, Revised correction,
            Revised withdrawal) {
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
        return EventRoutes.builder()
                .on(MASTERPLAN_RATIFIED, MasterplanRatified.class, this::ratified)
                .on(RATIFICATION_CORRECTED, MasterplanRatified.class, this::ratified)
                .on(RATIFICATION_WITHDRAWN, MasterplanRatified.class, this::withdrawn)
                .build();
    }

    /** The facts come only from this topic: a rebuild forgets them and replays them. */
    @Override
    public Uni<Void> clearDerivedState() {
        return due.clear(DueBasis.MASTERPLAN_RATIFIED);
    }

    Uni<Void> ratified(IncomingEvent<MasterplanRatified> event) {
        MasterplanRatified data = event.data();
        String name = event.type().contains("Corrected") ? "RatificationCorrected" : "MasterplanRatified";
        requireRegion(name, event.id(), data.regionCode());
        if ("RECORDED".equals(data.origin())) {
            // the past recorded from its sources starts no live workflow: the ministry adds such a region by hand
            LOG.debugf("%s %s is RECORDED: %s is not made due by it", name, event.id(), data.regionCode());
            return Uni.createFrom().voidItem();
        }
        Integer ratifiedIn = ratifiedIn(data);
        if (ratifiedIn == null && "RECORDED".equals(data.origin())) {
            // a ratification recorded from its sources without any date: it gives no year to be due from
            LOG.infof("%s %s (RECORDED) has no date, month or year: %s is not made due by it", name, event.id(),
                    data.regionCode());
            return Uni.createFrom().voidItem();
        }
        if (ratifiedIn == null || ratifiedIn < 2000 || ratifiedIn > 2100) {
            throw new PoisonEventException(name + " " + event.id() + " has no ratification date or year");
        }
        String on = text(data.date()) != null ? " of " + text(data.date())
                : text(data.occurred() == null ? null : data.occurred().get("date")) != null
                        ? " of " + text(data.occurred().get("date")) : "";
        String reference = "masterplan ratified by " + data.instrument() + " " + data.number() + "/"
                + (data.year() != null ? data.year() : ratifiedIn) + on;
        int revision = data.correction() == null || data.correction().revision() == null ? 0 : data.correction().revision();
        return due.fact(DueBasis.MASTERPLAN_RATIFIED, MouSignedHandler.factId(data.masterplanId(), data.recordId(), event),
                data.regionCode(), ratifiedIn + 1, shortened(reference), revision, event.id(), event.time());
    }

    Uni<Void> withdrawn(IncomingEvent<MasterplanRatified> event) {
        MasterplanRatified data = event.data();
        requireRegion("RatificationWithdrawn", event.id(), data.regionCode());
        if (data.masterplanId() == null && data.recordId() == null) {
            throw new PoisonEventException("RatificationWithdrawn " + event.id() + " names no masterplanId or recordId");
        }
        int revision = data.withdrawal() == null || data.withdrawal().revision() == null ? Integer.MAX_VALUE
                : data.withdrawal().revision();
        return due.withdrawn(DueBasis.MASTERPLAN_RATIFIED,
                MouSignedHandler.factId(data.masterplanId(), data.recordId(), event), data.regionCode(), revision,
                event.id(), event.time());
    }

    /** The year of the ratification: its date's, else its occurred's (any precision), else {@code year}. */
    static Integer ratifiedIn(MasterplanRatified data) {
        String date = text(data.date());
        if (date != null && DAY.matcher(date).matches()) {
            return Integer.valueOf(date.substring(0, 4));
        }
        String occurred = text(data.occurred() == null ? null : data.occurred().get("date"));
        if (occurred != null && occurred.matches("\\d{4}(-.*)?")) {
            return Integer.valueOf(occurred.substring(0, 4));
        }
        return data.year();
    }

    static void requireRegion(String name, String eventId, String regionCode) {
        if (regionCode == null || !REGION_CODE.matcher(regionCode).matches()) {
            throw new PoisonEventException(name + " " + eventId + " has no valid regionCode: " + regionCode);
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }

    static String shortened(String reference) {
        return reference.length() <= 300 ? reference : reference.substring(0, 299) + "…";
    }

    /** A type of the topic that does not bear on who is due: acknowledged, recorded as processed, nothing else. */
    static <T> Uni<Void> ignored(IncomingEvent<T> event) {
        return Uni.createFrom().voidItem();
    }
}
