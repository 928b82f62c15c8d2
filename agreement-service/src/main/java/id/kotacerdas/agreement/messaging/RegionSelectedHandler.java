package id.kotacerdas.agreement.messaging;

import id.kotacerdas.agreement.service.MouService;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Drafts an MoU when assessment-service publishes that a region was selected ({@code RegionSelected} on
 * {@code kotacerdas.assessment.v1}): one draft per region and programme year, unless the region already has one
 * (drafted by hand, or by an earlier delivery). Through the platform inbox, so the event id is recorded in
 * {@code processed_event} in the same transaction as the draft, and a redelivery changes nothing; a record that can
 * never be processed goes to {@code kotacerdas.assessment.v1.dlq}.
 * <p>
 * Reads only what it needs ({@link RegionSelected}) and ignores every other property. The other event types of the
 * topic are acknowledged and skipped; a type outside the catalogue goes to the dead-letter topic (the inbox's rule:
 * a consumer states exactly what it accepts). A region the complete registry does not know is poison. While the
 * registry replica is still filling up (the service's first start), the draft is made from the event's own region
 * name and province, so that no selection waits for, or is lost to, the registry. The selection's day
 * ({@code data.occurred}, when the producer gives it) is the draft's date, and {@code MouDrafted} carries it.
 */
@ApplicationScoped
public class RegionSelectedHandler implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(RegionSelectedHandler.class);
    public static final String CHANNEL = "assessment-events";
    public static final String REGION_SELECTED = "id.kotacerdas.assessment.RegionSelected.v1";
    static final Caller SYSTEM = new Caller("system", "system", Set.of(), null);
    private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{2})?");

    /** What this service reads of {@code RegionSelected}; every other property of the event is ignored. */
    public record RegionSelected(String regionCode, Integer programmeYear, String track, UUID cycleId,
            String regionName, String provinceCode, Occurred occurred, String origin, UUID recordId) {
    }

    /**
     * The types of the topic added by issue 18 (corrections, withdrawals, cancellations): routed and ignored
     * explicitly. A corrected or withdrawn outcome of a past assessment concerns a recorded fact, which never drafted
     * an MoU; a cancelled cycle or invitation selected nobody. None of them changes an MoU.
     */
    public static final List<String> IGNORED = List.of(
            "AssessmentOutcomeCorrected", "AssessmentOutcomeWithdrawn", "CohortMemberCorrected", "CohortMemberWithdrawn",
            "ResultLetterCorrected", "ResultLetterWithdrawn", "AssessmentCycleCancelled", "InvitationCancelled").stream()
            .map(name -> "id.kotacerdas.assessment." + name + ".v1").toList();

    @Inject
    Inbox inbox;

    @Inject
    MouService mous;

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
        EventRoutes.Builder routes = EventRoutes.builder().on(REGION_SELECTED, RegionSelected.class, this::regionSelected);
        IGNORED.forEach(type -> routes.on(type, JsonNode.class, e -> Uni.createFrom().voidItem()));
        return routes.build();
    }

    /** The drafts are the ministry's to edit once made: a rebuild keeps them and drafts only what is missing. */
    @Override
    public Uni<Void> clearDerivedState() {
        return Uni.createFrom().voidItem();
    }

    Uni<Void> regionSelected(IncomingEvent<RegionSelected> event) {
        RegionSelected data = event.data();
        if (data.regionCode() == null || !CODE.matcher(data.regionCode()).matches()) {
            throw new PoisonEventException("RegionSelected without a Kemendagri regionCode: " + data.regionCode());
        }
        if (data.programmeYear() == null || data.programmeYear() < 2017 || data.programmeYear() > 2100) {
            throw new PoisonEventException("RegionSelected without a programme year in 2017..2100: " + data.programmeYear());
        }
        if ("RECORDED".equals(data.origin())) {
            // a recorded past never starts live workflow: its MoU, if any, is recorded from its own sources
            LOG.debugf("RegionSelected %s: recorded (%s of %d), no draft", event.id(), data.regionCode(),
                    data.programmeYear());
            return Uni.createFrom().voidItem();
        }
        Occurred selected;
        try {
            selected = data.occurred() == null ? null : data.occurred().normalized();
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("RegionSelected with an occurred that is not a date with its precision: "
                    + data.occurred(), e);
        }
        return mous.draftForSelection(SYSTEM, data.regionCode(), data.programmeYear(), data.track(), data.cycleId(),
                data.regionName(), data.provinceCode(), event.id(), selected)
                .onFailure(ProblemException.class).transform(e -> ((ProblemException) e).status() == 404
                        ? new PoisonEventException("RegionSelected for a region the registry does not know: "
                                + data.regionCode(), e)
                        : e)
                .invoke(draft -> {
                    if (draft == null) {
                        LOG.debugf("RegionSelected %s: %s already has an MoU for %d", event.id(), data.regionCode(),
                                data.programmeYear());
                    }
                })
                .replaceWithVoid();
    }
}
