package id.kotacerdas.masterplan.messaging;

import id.kotacerdas.masterplan.service.MasterplanService;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import id.kotacerdas.platform.time.Occurred;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes agreement-service's {@code kotacerdas.agreement.v1}: a signed MoU opens the region's masterplan work for
 * the MoU's programme year, through the platform inbox (applied once per event id; an event it cannot read goes to
 * {@code kotacerdas.agreement.v1.dlq}). The masterplan is the service's own data from then on, so a rebuild of this
 * consumer keeps it, and replaying the MoU finds it and changes nothing (one masterplan per region and year).
 */
@ApplicationScoped
public class AgreementEventsHandler implements InboxHandler {

    public static final String CHANNEL = "agreement-events";
    public static final String MOU_SIGNED = "id.kotacerdas.agreement.MouSigned.v1";
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");

    /**
     * The part of agreement-service's {@code MouSigned.v1} this service reads; the event carries more (parties,
     * signatories, scope, validity), which the tolerant reader ignores. {@code occurred}: the signing's date when the
     * signing was recorded after the fact (issue 18), else absent.
     */
    public record MouSigned(UUID mouId, String regionCode, String regionName, Integer programmeYear, LocalDate signedOn,
            Occurred occurred) {
    }

    @Inject
    Inbox inbox;

    @Inject
    MasterplanService masterplans;

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
        return EventRoutes.builder().on(MOU_SIGNED, MouSigned.class, this::mouSigned).build();
    }

    /** Nothing to forget: the masterplans opened are the service's own, and a replay opens nothing twice. */
    @Override
    public Uni<Void> clearDerivedState() {
        return Uni.createFrom().voidItem();
    }

    Uni<Void> mouSigned(IncomingEvent<MouSigned> event) {
        MouSigned data = event.data();
        if (data.regionCode() == null || !REGION_CODE.matcher(data.regionCode()).matches()) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no valid regionCode: " + data.regionCode());
        }
        if (data.programmeYear() == null || data.programmeYear() < 2000 || data.programmeYear() > 2100) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no valid programmeYear: "
                    + data.programmeYear());
        }
        if (data.mouId() == null) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no mouId");
        }
        Occurred signed;
        try {
            signed = data.occurred() != null ? data.occurred().normalized()
                    : data.signedOn() != null ? Occurred.onDay(data.signedOn()) : null;
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("MouSigned " + event.id() + " has no valid occurred: " + e.getMessage());
        }
        // the masterplan work opens with the signing: the signing's date is the opening's
        return masterplans.openFromMou(new MasterplanService.SignedMou(data.mouId(), data.regionCode(),
                data.regionName(), data.programmeYear(), data.signedOn(), signed)).replaceWithVoid();
    }
}
