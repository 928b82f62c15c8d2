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
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes agreement-service's {@code kotacerdas.agreement.v1}: a signed MoU ({@code MouSigned}; a RECORDED one, the
 * past recorded from its sources, makes nobody due: it starts no live workflow) of programme year P makes the region due for evaluation once its programme year is past, from P + 1, even
 * when no ratified masterplan has arrived (yet). A recorded MoU corrected at its source ({@code MouRecordCorrected},
 * the MoU as it now stands) recomputes that year from its programme year; withdrawn ({@code MouRecordWithdrawn}) it
 * no longer makes the region due (the region may still be due by another MoU or by its ratification). Local
 * commitments' corrections and withdrawals ({@code LocalCommitmentCorrected}, {@code LocalCommitmentWithdrawn}) do
 * not bear on who is due: routed and ignored. Through the platform inbox, like {@link MasterplanRatifiedHandler}:
 * one fact per MoU ({@link EvaluationDueRepository}), so redeliveries and any order give the same list.
 */
@ApplicationScoped
public class MouSignedHandler implements InboxHandler {

    public static final String CHANNEL = "agreement-events";
    public static final String MOU_SIGNED = "id.kotacerdas.agreement.MouSigned.v1";
    public static final String MOU_RECORD_CORRECTED = "id.kotacerdas.agreement.MouRecordCorrected.v1";
    public static final String MOU_RECORD_WITHDRAWN = "id.kotacerdas.agreement.MouRecordWithdrawn.v1";
    public static final String LOCAL_COMMITMENT_CORRECTED = "id.kotacerdas.agreement.LocalCommitmentCorrected.v1";
    public static final String LOCAL_COMMITMENT_WITHDRAWN = "id.kotacerdas.agreement.LocalCommitmentWithdrawn.v1";

    /**
     * What this service reads of {@code MouSigned.v1} and {@code MouRecordCorrected.v1} (the MoU as it now stands,
     * with {@code correction}) and {@code MouRecordWithdrawn.v1} (its identity, with {@code withdrawal}); the rest of
     * the event is ignored. {@code signedOn} is read only into the due list's reference, whatever its form.
     */
    public record MouSigned(UUID mouId, UUID recordId, String regionCode, Integer programmeYear, JsonNode signedOn,
            MasterplanRatifiedHandler.Revised correction, MasterplanRatifiedHandler.Revised withdrawal, String origin) {
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
                .on(MOU_SIGNED, MouSigned.class, this::signed)
                .on(MOU_RECORD_CORRECTED, MouSigned.class, this::signed)
                .on(MOU_RECORD_WITHDRAWN, MouSigned.class, this::withdrawn)
                .on(LOCAL_COMMITMENT_CORRECTED, JsonNode.class, MasterplanRatifiedHandler::ignored)
                .on(LOCAL_COMMITMENT_WITHDRAWN, JsonNode.class, MasterplanRatifiedHandler::ignored)
                .build();
    }

    /** The facts come only from this topic: a rebuild forgets them and replays them. */
    @Override
    public Uni<Void> clearDerivedState() {
        return due.clear(DueBasis.PROGRAMME_YEAR);
    }

    Uni<Void> signed(IncomingEvent<MouSigned> event) {
        MouSigned data = event.data();
        String name = event.type().contains("Corrected") ? "MouRecordCorrected" : "MouSigned";
        MasterplanRatifiedHandler.requireRegion(name, event.id(), data.regionCode());
        if ("RECORDED".equals(data.origin())) {
            // the past recorded from its sources starts no live workflow: the ministry adds such a region by hand
            MasterplanRatifiedHandler.LOG.debugf("%s %s is RECORDED: %s is not made due by it", name, event.id(), data.regionCode());
            return Uni.createFrom().voidItem();
        }
        if (data.programmeYear() == null || data.programmeYear() < 2000 || data.programmeYear() > 2100) {
            throw new PoisonEventException(name + " " + event.id() + " has no valid programmeYear: "
                    + data.programmeYear());
        }
        String signed = data.signedOn() == null || data.signedOn().isNull() ? ""
                : ", signed " + (data.signedOn().isTextual() ? data.signedOn().asText() : data.signedOn().path("date").asText());
        String reference = "MoU of programme year " + data.programmeYear() + signed;
        int revision = data.correction() == null || data.correction().revision() == null ? 0 : data.correction().revision();
        return due.fact(DueBasis.PROGRAMME_YEAR, factId(data.mouId(), data.recordId(), event), data.regionCode(),
                data.programmeYear() + 1, MasterplanRatifiedHandler.shortened(reference), revision, event.id(), event.time());
    }

    Uni<Void> withdrawn(IncomingEvent<MouSigned> event) {
        MouSigned data = event.data();
        MasterplanRatifiedHandler.requireRegion("MouRecordWithdrawn", event.id(), data.regionCode());
        if (data.mouId() == null && data.recordId() == null) {
            throw new PoisonEventException("MouRecordWithdrawn " + event.id() + " names no mouId or recordId");
        }
        int revision = data.withdrawal() == null || data.withdrawal().revision() == null ? Integer.MAX_VALUE
                : data.withdrawal().revision();
        return due.withdrawn(DueBasis.PROGRAMME_YEAR, factId(data.mouId(), data.recordId(), event), data.regionCode(),
                revision, event.id(), event.time());
    }

    /** The MoU's id (its record's id for a recorded one without an MoU id); the event's own id at worst. */
    static String factId(UUID id, UUID recordId, IncomingEvent<?> event) {
        return id != null ? id.toString() : recordId != null ? recordId.toString() : "event:" + event.id();
    }
}
