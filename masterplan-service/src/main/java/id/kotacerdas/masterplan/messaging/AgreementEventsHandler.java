package id.kotacerdas.masterplan.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.masterplan.service.MasterplanService;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes agreement-service's {@code kotacerdas.agreement.v1}: a signed MoU opens the region's masterplan work for
 * the MoU's programme year, through the platform inbox (applied once per event id; an event it cannot read goes to
 * {@code kotacerdas.agreement.v1.dlq}). The masterplan is the service's own data from then on, so a rebuild of this
 * consumer keeps it, and replaying the MoU finds it and changes nothing (one masterplan per region and year).
 *
 * <p>Issue 18: a {@code MouSigned} whose {@code origin} is {@code RECORDED} (an MoU recorded from its sources after
 * the fact) opens nothing: a recorded past never starts live workflow. The corrections and withdrawals of recorded
 * MoUs and local commitments ({@link #IGNORED}) are routed explicitly and change nothing: no masterplan was ever opened
 * from a recorded MoU, and a masterplan once opened is this service's own fact (its corrections have their own path).
 */
@ApplicationScoped
public class AgreementEventsHandler implements InboxHandler {

    public static final String CHANNEL = "agreement-events";
    public static final String MOU_SIGNED = "id.kotacerdas.agreement.MouSigned.v1";
    /**
     * agreement-service's types this consumer knows and deliberately ignores (acknowledged, recorded in the inbox, no
     * effect): they correct or withdraw recorded MoUs and local commitments, which never opened a masterplan.
     */
    public static final List<String> IGNORED = List.of("id.kotacerdas.agreement.MouRecordCorrected.v1",
            "id.kotacerdas.agreement.MouRecordWithdrawn.v1", "id.kotacerdas.agreement.LocalCommitmentCorrected.v1",
            "id.kotacerdas.agreement.LocalCommitmentWithdrawn.v1");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");

    /**
     * The part of agreement-service's {@code MouSigned.v1} this service reads; the event carries more (parties,
     * signatories, scope, validity), which the tolerant reader ignores. {@code occurred}: the signing's date when the
     * signing was recorded after the fact (issue 18), else absent. {@code origin}: {@code RECORDED} for an MoU recorded from its
     * sources (opens nothing), absent or {@code LIVE} otherwise.
     */
    public record MouSigned(UUID mouId, String regionCode, String regionName, Integer programmeYear, LocalDate signedOn,
            Occurred occurred, Origin origin) {
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
        EventRoutes.Builder routes = EventRoutes.builder().on(MOU_SIGNED, MouSigned.class, this::mouSigned);
        for (String type : IGNORED) {
            routes.on(type, JsonNode.class, this::ignore);
        }
        return routes.build();
    }

    /** Nothing to forget: the masterplans opened are the service's own, and a replay opens nothing twice. */
    @Override
    public Uni<Void> clearDerivedState() {
        return Uni.createFrom().voidItem();
    }

    Uni<Void> ignore(IncomingEvent<JsonNode> event) {
        return Uni.createFrom().voidItem();
    }

    Uni<Void> mouSigned(IncomingEvent<MouSigned> event) {
        MouSigned data = event.data();
        if (data.origin() == Origin.RECORDED) {
            return Uni.createFrom().voidItem(); // a recorded past never starts live workflow
        }
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
