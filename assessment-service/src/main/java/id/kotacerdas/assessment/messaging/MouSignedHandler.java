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
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes agreement-service's {@code kotacerdas.agreement.v1}: a signed MoU ({@code MouSigned}) of programme year P
 * makes the region due for evaluation once its programme year is past, from P + 1, even when no ratified masterplan
 * has arrived (yet). Through the platform inbox, like {@link MasterplanRatifiedHandler}: an upsert keeping the
 * earliest year, so a region of two cohorts (2017 and 2021) is due from 2018 whatever order the MoUs arrive in.
 */
@ApplicationScoped
public class MouSignedHandler implements InboxHandler {

    public static final String CHANNEL = "agreement-events";
    public static final String MOU_SIGNED = "id.kotacerdas.agreement.MouSigned.v1";
    /** What this service reads of {@code MouSigned.v1}; the rest of the event is ignored. */
    public record MouSigned(UUID mouId, String regionCode, Integer programmeYear, LocalDate signedOn) {
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
        return EventRoutes.builder().on(MOU_SIGNED, MouSigned.class, this::signed).build();
    }

    /** The facts come only from this topic: a rebuild forgets them and replays them. */
    @Override
    public Uni<Void> clearDerivedState() {
        return due.clear(DueBasis.PROGRAMME_YEAR);
    }

    Uni<Void> signed(IncomingEvent<MouSigned> event) {
        MouSigned data = event.data();
        if (data.regionCode() == null || !MasterplanRatifiedHandler.REGION_CODE.matcher(data.regionCode()).matches()) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no valid regionCode: " + data.regionCode());
        }
        if (data.programmeYear() == null || data.programmeYear() < 2000 || data.programmeYear() > 2100) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no valid programmeYear: "
                    + data.programmeYear());
        }
        String reference = "MoU of programme year " + data.programmeYear()
                + (data.signedOn() == null ? "" : ", signed " + data.signedOn());
        return due.record(data.regionCode(), DueBasis.PROGRAMME_YEAR, data.programmeYear() + 1, reference, event.id(),
                event.time());
    }
}
