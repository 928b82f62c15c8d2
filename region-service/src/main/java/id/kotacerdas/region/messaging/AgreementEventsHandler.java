package id.kotacerdas.region.messaging;

import static id.kotacerdas.region.messaging.AssessmentEventsHandler.facts;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.region.domain.FactRevisions;
import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.TimelineKind;
import id.kotacerdas.region.service.EntryDraft;
import id.kotacerdas.region.service.EntryTarget;
import id.kotacerdas.region.service.ProgrammeTimeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes agreement-service's {@code kotacerdas.agreement.v1} (channel {@value #CHANNEL}): each MoU event is a
 * timeline entry (drafted, scheduled, signed with its date, mode and signatories — or "not known" where the record
 * says so —, amended, expired, terminated, withdrawn) and updates the MoU's projection for the dossier (latest state
 * per MoU id); a local commitment (komitmen bersama) is an entry. Applied once per event id through the platform
 * inbox; what cannot be read goes to {@code kotacerdas.agreement.v1.dlq}.
 */
@ApplicationScoped
public class AgreementEventsHandler implements InboxHandler {

    public static final String CHANNEL = "agreement-events";
    public static final String TOPIC = "kotacerdas.agreement.v1";
    static final String PREFIX = "id.kotacerdas.agreement.";

    @Inject
    Inbox inbox;

    @Inject
    ProgrammeTimeline timeline;

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
        return EventRoutes.builder()
                .on(PREFIX + "MouDrafted.v1", JsonNode.class, e -> mou(e, "DRAFT", this::drafted))
                .on(PREFIX + "MouScheduled.v1", JsonNode.class, e -> mou(e, "SCHEDULED", this::scheduled))
                .on(PREFIX + "MouSigned.v1", JsonNode.class, e -> mou(e, "SIGNED", this::signed))
                .on(PREFIX + "MouAmended.v1", JsonNode.class, e -> mou(e, "SIGNED", this::amended))
                .on(PREFIX + "MouExpired.v1", JsonNode.class, e -> mou(e, "EXPIRED", this::expired))
                .on(PREFIX + "MouTerminated.v1", JsonNode.class, e -> mou(e, "TERMINATED", this::terminated))
                .on(PREFIX + "MouWithdrawn.v1", JsonNode.class, e -> mou(e, "WITHDRAWN", this::withdrawn))
                .on(PREFIX + "LocalCommitmentSigned.v1", JsonNode.class, this::localCommitment)
                // issue 18 item 3: a correction re-applies the fact to the entry of the same id; a withdrawal marks it
                .on(PREFIX + "MouRecordCorrected.v1", JsonNode.class, e -> mou(e, "SIGNED", p -> signed(p).identifiedBy("mouId")))
                .on(PREFIX + "MouRecordWithdrawn.v1", JsonNode.class, e -> {
                    Payload p = new Payload(e);
                    Map<String, Object> withdrawal = p.record("withdrawal");
                    return timeline.mark(e, EntryTarget.byFacts(TOPIC, p.regionCode("regionCode"),
                            Map.of("mouId", p.uuid("mouId").toString())), FactRevisions.Mark.WITHDRAWN, withdrawal,
                            timeline.markProjections("mouId", "withdrawn", withdrawal));
                })
                .on(PREFIX + "LocalCommitmentCorrected.v1", JsonNode.class, this::localCommitment)
                .on(PREFIX + "LocalCommitmentWithdrawn.v1", JsonNode.class, e -> {
                    Payload p = new Payload(e);
                    return timeline.mark(e, EntryTarget.byFacts(TOPIC, p.regionCode("regionCode"),
                            Map.of("commitmentId", p.uuid("commitmentId").toString()), TimelineKind.LOCAL_COMMITMENT_SIGNED),
                            FactRevisions.Mark.WITHDRAWN, p.record("withdrawal"), ProgrammeTimeline.noProjection());
                })
                .build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return timeline.beginRebuild(TOPIC, CHANNEL, ProgrammeProjection.Mou.class);
    }

    @Override
    public Uni<Void> replayCaughtUp() {
        return timeline.swap(TOPIC, ProgrammeProjection.Mou.class);
    }

    private Uni<Void> mou(IncomingEvent<JsonNode> event, String state, java.util.function.Function<Payload, EntryDraft> read) {
        Payload p = new Payload(event);
        UUID mouId = p.uuid("mouId");
        String region = p.regionCode("regionCode");
        int year = p.year("programmeYear");
        EntryDraft draft = read.apply(p);
        return timeline.record(event, List.of(draft), timeline.mou(event, mouId, region, year, state, p.details()), region);
    }

    private static Map<String, Object> base(Payload p) {
        return facts("mouId", p.uuid("mouId").toString(), "revision", p.optInt("revision"));
    }

    EntryDraft drafted(Payload p) {
        int year = p.year("programmeYear");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("draftedFrom", p.legacyField("draftedFrom", "origin"), "title", p.optText("title"), "cycleId", p.optUuid("cycleId")));
        return EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_DRAFTED,
                p.instant("draftedAt"), year, "MoU drafted for programme year " + year, facts);
    }

    /**
     * Dated when it was scheduled — but never after the day it was planned for: a signing recorded after the fact
     * (a past ceremony entered later) is dated by its planned day, so it does not come after the signing it led to.
     */
    EntryDraft scheduled(Payload p) {
        int year = p.year("programmeYear");
        OffsetDateTime at = p.instant("scheduledAt");
        Payload ceremony = p.optObject("ceremony");
        LocalDate planned = ceremony != null && ceremony.optText("date") != null ? ceremony.date("date") : p.optDate("plannedOn");
        String mode = ceremony == null ? null : ceremony.optText("mode");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("plannedOn", planned == null ? null : planned.toString(),
                "ceremony", ceremony == null ? null : facts("id", ceremony.optText("id"), "title", ceremony.optText("title"),
                        "host", ceremony.optText("host"), "mode", mode)));
        String summary = "MoU signing scheduled" + (planned == null ? "" : " for " + planned)
                + (ceremony == null ? "" : " at the national ceremony \"" + ceremony.optText("title") + "\""
                        + (mode == null ? "" : " (" + mode + ")"));
        String region = p.regionCode("regionCode");
        String key = "event:" + p.event().id();
        if (planned != null && planned.isBefore(at.atZoneSameInstant(EntryDraft.JAKARTA).toLocalDate())) {
            return EntryDraft.on(region, key, TimelineKind.MOU_SCHEDULED, planned, year, summary, facts);
        }
        return EntryDraft.at(region, key, TimelineKind.MOU_SCHEDULED, at, year, summary, facts);
    }

    EntryDraft signed(Payload p) {
        int year = p.year("programmeYear");
        LocalDate on = p.day("signedOn");
        String mode = p.optText("mode");
        Payload venue = p.optObject("venue");
        Payload ceremony = p.optObject("ceremony");
        Payload first = p.optObject("firstPartySignatory");
        Payload second = p.optObject("secondPartySignatory");
        Payload validity = p.optObject("validity");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("signedOn", on.toString(), "mode", mode,
                "venue", venue == null ? null : Boolean.FALSE.equals(venue.optBoolean("known")) ? "unknown" : venue.optText("name"),
                "ceremony", ceremony == null ? null : ceremony.optText("title"),
                "firstPartySignatory", signatory(first), "secondPartySignatory", signatory(second),
                "numbers", p.raw("numbers"),
                "validFrom", validity == null ? null : validity.optText("from"),
                "validUntil", validity == null ? null : validity.optText("until"),
                "scopeItems", p.optObject("scope") == null ? null : p.optObject("scope").size("standardItems")
                        + p.optObject("scope").size("otherItems"),
                "witnesses", p.size("witnesses")));
        Object regionSide = signatory(second);
        String summary = "MoU for programme year " + year + " signed on " + on + (mode == null ? "" : " (" + mode + ")")
                + "; for the region: " + (regionSide instanceof String s ? s : describe(second));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_SIGNED, on, year,
                summary, facts);
    }

    /** A signatory as the record gives it, or {@code "unknown"} when the record says it is not known. */
    private static Object signatory(Payload s) {
        if (s == null || Boolean.FALSE.equals(s.optBoolean("known"))) {
            return "unknown";
        }
        return facts("name", s.optText("name"), "position", s.optText("position"), "onBehalfOf", s.optText("onBehalfOf"));
    }

    private static String describe(Payload s) {
        String name = s.optText("name");
        String position = s.optText("position");
        String behalf = s.optText("onBehalfOf");
        return (name == null ? "" : name) + (name != null && position != null ? ", " : "") + (position == null ? "" : position)
                + (behalf == null ? "" : " on behalf of " + behalf);
    }

    EntryDraft amended(Payload p) {
        int year = p.year("programmeYear");
        LocalDate on = p.date("amendedOn");
        Payload validity = p.optObject("validity");
        String until = validity == null ? null : validity.optText("until");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("amendedOn", on.toString(), "reason", p.optText("reason"), "validUntil", until));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_AMENDED, on, year,
                "MoU amended" + (p.optInt("revision") == null ? "" : " (revision " + p.optInt("revision") + ")")
                        + (until == null ? "" : ", in force until " + until), facts);
    }

    EntryDraft expired(Payload p) {
        int year = p.year("programmeYear");
        LocalDate on = p.date("expiredOn");
        Payload validity = p.optObject("validity");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("expiredOn", on.toString(), "validFrom", validity == null ? null : validity.optText("from"),
                "validUntil", validity == null ? null : validity.optText("until")));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_EXPIRED, on, year,
                "MoU of programme year " + year + " expired", facts);
    }

    EntryDraft terminated(Payload p) {
        int year = p.year("programmeYear");
        LocalDate on = p.date("terminatedOn");
        String reason = p.optText("reason");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("terminatedOn", on.toString(), "reason", reason));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_TERMINATED, on, year,
                "MoU of programme year " + year + " terminated" + (reason == null ? "" : ": " + reason), facts);
    }

    EntryDraft withdrawn(Payload p) {
        int year = p.year("programmeYear");
        String reason = p.optText("reason");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("previousState", p.optText("previousState"), "reason", reason));
        return EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MOU_WITHDRAWN,
                p.instant("recordedAt"), year, "MoU of programme year " + year + " withdrawn before signing"
                        + (reason == null ? "" : ": " + reason), facts);
    }

    Uni<Void> localCommitment(IncomingEvent<JsonNode> event) {
        Payload p = new Payload(event);
        LocalDate on = p.day("signedOn");
        int opds = p.objects("opds").size();
        String venue = p.optText("venue");
        Payload head = p.optObject("regionalHead");
        Payload bimtek = p.optObject("bimtek");
        Map<String, Object> facts = facts("commitmentId", p.uuid("commitmentId").toString(), "mouId", p.optUuid("mouId"),
                "signedOn", on.toString(), "venue", venue, "opds", opds,
                "regionalHead", head == null ? null : facts("name", head.optText("name"), "position", head.optText("position")),
                "bimtekStage", bimtek == null ? null : bimtek.optInt("stage"));
        EntryDraft draft = EntryDraft.on(p.regionCode("regionCode"), "event:" + event.id(),
                TimelineKind.LOCAL_COMMITMENT_SIGNED, on, null, "Local commitment (komitmen bersama) signed with "
                        + opds + " OPD(s)" + (venue == null ? "" : " at " + venue), facts).identifiedBy("commitmentId");
        return timeline.record(event, List.of(draft), ProgrammeTimeline.Projection.NONE, null);
    }
}
