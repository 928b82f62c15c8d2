package id.kotacerdas.region.messaging;

import static id.kotacerdas.region.messaging.AssessmentEventsHandler.facts;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.PoisonEventException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes masterplan-service's {@code kotacerdas.masterplan.v1} (channel {@value #CHANNEL}): masterplan work opened,
 * bimtek stages 1–4 held and completed, the masterplan submitted, sent back for revision, approved and ratified (its
 * instrument) are timeline entries, and each updates the masterplan's projection for the dossier.
 * {@code BimtekSessionScheduled} is a plan, not a fact: acknowledged, nothing kept. Applied once per event id through
 * the platform inbox; what cannot be read goes to {@code kotacerdas.masterplan.v1.dlq}.
 */
@ApplicationScoped
public class MasterplanEventsHandler implements InboxHandler {

    public static final String CHANNEL = "masterplan-events";
    public static final String TOPIC = "kotacerdas.masterplan.v1";
    static final String PREFIX = "id.kotacerdas.masterplan.";

    @Inject
    Inbox inbox;

    @Inject
    ProgrammeTimeline timeline;

    @Inject
    id.kotacerdas.region.repository.ProgrammeRepository repository;

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
                .on(PREFIX + "MasterplanOpened.v1", JsonNode.class, e -> apply(e, null, this::opened, this::openedDetails))
                .on(PREFIX + "BimtekSessionScheduled.v1", JsonNode.class, e -> Uni.createFrom().voidItem())
                .on(PREFIX + "BimtekSessionHeld.v1", JsonNode.class, e -> apply(e, null, this::held, this::heldDetails))
                .on(PREFIX + "BimtekCompleted.v1", JsonNode.class, e -> apply(e, null, this::completed,
                        p -> (before -> facts("bimtekCompletedOn", p.date("completedOn").toString()))))
                .on(PREFIX + "MasterplanSubmitted.v1", JsonNode.class, e -> apply(e, "SUBMITTED", this::submitted,
                        p -> (before -> facts("latestVersion", p.optInt("versionNumber"), "period", p.raw("period"),
                                "programmes", p.optInt("programmes"), "quickWins", p.optInt("quickWins"),
                                "alignmentFindings", p.optInt("alignmentFindings"), "submittedAt", p.optText("submittedAt")))))
                .on(PREFIX + "MasterplanRevisionRequested.v1", JsonNode.class, e -> apply(e, "REVISION_REQUESTED",
                        this::revisionRequested, p -> (before -> facts("revisionRequestedAt", p.optText("requestedAt"),
                                "revisionComments", p.size("comments")))))
                .on(PREFIX + "MasterplanApproved.v1", JsonNode.class, e -> apply(e, "APPROVED", this::approved,
                        p -> (before -> facts("approvedVersion", p.optInt("versionNumber"), "approvedAt", p.optText("approvedAt")))))
                .on(PREFIX + "MasterplanRatified.v1", JsonNode.class, e -> apply(e, "RATIFIED", this::ratified,
                        p -> (before -> facts("ratification", ratification(p)))))
                // issue 18 item 3: a corrected ratification replaces the masterplan's ratified entry in place; a
                // withdrawn one is marked (the masterplan's other work stays)
                .on(PREFIX + "RatificationCorrected.v1", JsonNode.class, e -> apply(e, "RATIFIED",
                        p -> ratified(p).identifiedBy("masterplanId"), p -> (before -> facts("ratification", ratification(p)))))
                .on(PREFIX + "RatificationWithdrawn.v1", JsonNode.class, this::ratificationWithdrawn)
                .build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return timeline.beginRebuild(TOPIC, CHANNEL, ProgrammeProjection.Masterplan.class);
    }

    @Override
    public Uni<Void> replayCaughtUp() {
        return timeline.swap(TOPIC, ProgrammeProjection.Masterplan.class);
    }

    private Uni<Void> apply(IncomingEvent<JsonNode> event, String state, Function<Payload, EntryDraft> read,
            Function<Payload, Function<Map<String, Object>, Map<String, Object>>> details) {
        Payload p = new Payload(event);
        UUID id = p.uuid("masterplanId");
        String region = p.regionCode("regionCode");
        // a self-made plan recorded from its ratification belongs to no programme year
        Integer year = "RATIFIED".equals(state) && p.optText("programmeYear") == null ? null : p.year("programmeYear");
        EntryDraft draft = read.apply(p);
        return timeline.record(event, List.of(draft),
                timeline.masterplan(event, id, region, year, state, details.apply(p)), region);
    }

    private static Map<String, Object> base(Payload p) {
        return facts("masterplanId", p.uuid("masterplanId").toString());
    }

    /** Opened by a signed MoU: dated by the signing (the work opens with it); opened by hand: when it was opened. */
    EntryDraft opened(Payload p) {
        int year = p.year("programmeYear");
        String kind = p.optText("kind");
        String origin = p.legacyField("openedFrom", "origin");
        LocalDate mouSignedOn = p.optDate("mouSignedOn");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("masterplanKind", kind, "title", p.optText("title"), "openedFrom", origin, "mouId", p.optUuid("mouId"),
                "mouSignedOn", mouSignedOn == null ? null : mouSignedOn.toString()));
        String summary = "Masterplan work opened" + (kind == null ? "" : " (" + kind + ")") + " for programme year " + year
                + ("MOU_SIGNED".equals(origin) ? " by the signed MoU" : "");
        String region = p.regionCode("regionCode");
        String key = "event:" + p.event().id();
        if ("MOU_SIGNED".equals(origin) && mouSignedOn != null) {
            return EntryDraft.on(region, key, TimelineKind.MASTERPLAN_OPENED, mouSignedOn, year, summary, facts);
        }
        return EntryDraft.at(region, key, TimelineKind.MASTERPLAN_OPENED, p.instant("openedAt"), year, summary, facts);
    }

    Function<Map<String, Object>, Map<String, Object>> openedDetails(Payload p) {
        return before -> facts("kind", p.optText("kind"), "title", p.optText("title"), "openedFrom", p.legacyField("openedFrom", "origin"),
                "mouId", p.optUuid("mouId"), "mouSignedOn", p.optText("mouSignedOn"), "regionName", p.optText("regionName"),
                "openedAt", p.optText("openedAt"));
    }

    EntryDraft held(Payload p) {
        int year = p.year("programmeYear");
        int stage = stage(p);
        LocalDate start = p.date(p.renamed("startsOn", "startDate"));
        LocalDate end = p.date(p.renamed("endsOn", "endDate"));
        List<String> guides = p.strings("guides");
        String mode = p.optText("mode");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("stage", stage, "startDate", start.toString(), "endDate", end.toString(), "mode", mode,
                "venue", p.optText("venue"), "guides", guides, "attendance", p.raw("attendance"),
                "outputs", p.strings("outputs")));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.bimtekStageHeld(stage),
                start, year, "Bimtek stage " + stage + " held " + (start.equals(end) ? start : start + " to " + end)
                        + (mode == null ? "" : " (" + mode + ")")
                        + (guides.isEmpty() ? "" : " with " + String.join(", ", guides)), facts);
    }

    Function<Map<String, Object>, Map<String, Object>> heldDetails(Payload p) {
        int stage = stage(p);
        return before -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> stages = before.get("bimtekStages") instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            stages.put(Integer.toString(stage), facts("startDate", p.optText(p.renamed("startsOn", "startDate")),
                    "endDate", p.optText(p.renamed("endsOn", "endDate")),
                    "mode", p.optText("mode"), "venue", p.optText("venue"), "guides", p.strings("guides")));
            return facts("bimtekStages", stages);
        };
    }

    private static int stage(Payload p) {
        Integer stage = p.optInt("stage");
        if (stage == null || stage < 1 || stage > 4) {
            throw new PoisonEventException("masterplan.BimtekSessionHeld " + p.event().id() + ": stage is not 1..4");
        }
        return stage;
    }

    EntryDraft completed(Payload p) {
        int year = p.year("programmeYear");
        LocalDate on = p.date("completedOn");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("completedOn", on.toString(), "stages", p.size("stages")));
        return EntryDraft.on(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.BIMTEK_COMPLETED, on, year,
                "Bimtek completed: all four stages held", facts);
    }

    EntryDraft submitted(Payload p) {
        int year = p.year("programmeYear");
        Integer version = p.optInt("versionNumber");
        Payload period = p.optObject("period");
        Integer programmes = p.optInt("programmes");
        Integer quickWins = p.optInt("quickWins");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("versionNumber", version, "period", p.raw("period"), "programmes", programmes,
                "quickWins", quickWins, "alignmentFindings", p.optInt("alignmentFindings")));
        return EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MASTERPLAN_SUBMITTED,
                p.instant("submittedAt"), year, "Masterplan" + (version == null ? "" : " version " + version) + " submitted"
                        + (period == null ? "" : " for " + period.optInt("startYear") + "–" + period.optInt("endYear"))
                        + (programmes == null ? "" : ", " + programmes + " programme(s)")
                        + (quickWins == null ? "" : ", " + quickWins + " quick win(s)"), facts);
    }

    EntryDraft revisionRequested(Payload p) {
        int year = p.year("programmeYear");
        Integer version = p.optInt("versionNumber");
        int comments = p.size("comments");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("versionNumber", version, "comments", comments));
        return EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(),
                TimelineKind.MASTERPLAN_REVISION_REQUESTED, p.instant("requestedAt"), year,
                "Revision of masterplan" + (version == null ? "" : " version " + version) + " requested (" + comments
                        + " comment(s))", facts);
    }

    EntryDraft approved(Payload p) {
        int year = p.year("programmeYear");
        Integer version = p.optInt("versionNumber");
        Map<String, Object> facts = base(p);
        facts.putAll(facts("versionNumber", version));
        return EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.MASTERPLAN_APPROVED,
                p.instant("approvedAt"), year, "Masterplan" + (version == null ? "" : " version " + version) + " approved",
                facts);
    }

    /**
     * A withdrawn ratification: the masterplan's ratified entry is marked, and the dossier's masterplan keeps the
     * withdrawal beside its ratification ({@code details.ratificationWithdrawn}).
     */
    Uni<Void> ratificationWithdrawn(IncomingEvent<JsonNode> event) {
        Payload p = new Payload(event);
        UUID id = p.uuid("masterplanId");
        Map<String, Object> withdrawal = p.record("withdrawal");
        return timeline.mark(event, EntryTarget.byFacts(TOPIC, p.regionCode("regionCode"), Map.of("masterplanId", id.toString()),
                TimelineKind.MASTERPLAN_RATIFIED), FactRevisions.Mark.WITHDRAWN, withdrawal,
                found -> resolve -> repository.masterplan(id).invoke(plan -> {
                    if (plan != null && (plan.details == null || !plan.details.containsKey("ratificationWithdrawn"))) {
                        Map<String, Object> details = plan.details == null ? new LinkedHashMap<>() : new LinkedHashMap<>(plan.details);
                        details.put("ratificationWithdrawn", withdrawal);
                        plan.details = details;
                    }
                }).replaceWithVoid());
    }

    /**
     * Dated by the instrument's date; when the record gives only its year, by the end of that year (precision YEAR);
     * a recorded ratification whose date is not known at all, by the end of its programme year, else by the
     * recording (its {@code occurred}, when given, dates it in any case).
     */
    EntryDraft ratified(Payload p) {
        Integer year = p.optText("programmeYear") == null ? null : p.year("programmeYear");
        String dated = p.renamed("ratifiedOn", "date");
        LocalDate on = p.optText(dated) == null ? null : p.day(dated);
        Map<String, Object> ratification = ratification(p);
        Map<String, Object> facts = base(p);
        facts.putAll(ratification);
        facts.putAll(facts("versionNumber", p.optInt("versionNumber")));
        String number = p.optText("number");
        String instrument = p.optText("instrument");
        Integer instrumentYear = p.optInt("year");
        String summary = "Masterplan ratified by " + (instrument == null ? "an instrument not known" : instrument)
                + (number == null ? " (number not known)" : " No. " + number)
                + (instrumentYear == null ? "" : "/" + instrumentYear) + (p.optText("title") == null ? "" : " (" + p.optText("title") + ")");
        String key = "event:" + p.event().id();
        String region = p.regionCode("regionCode");
        if (on != null) {
            return EntryDraft.on(region, key, TimelineKind.MASTERPLAN_RATIFIED, on, year, summary, facts);
        }
        if (instrumentYear != null || year != null) {
            return EntryDraft.byEndOf(region, key, TimelineKind.MASTERPLAN_RATIFIED,
                    instrumentYear != null ? instrumentYear : p.year("programmeYear"), year, summary, facts);
        }
        return EntryDraft.at(region, key, TimelineKind.MASTERPLAN_RATIFIED, p.when("recordedAt"), year, summary, facts);
    }

    private static Map<String, Object> ratification(Payload p) {
        String dated = p.renamed("ratifiedOn", "date");
        LocalDate date = p.optText(dated) == null ? null : p.day(dated);
        return facts("instrument", p.optText("instrument"), "number", p.optText("number"), "year", p.optInt("year"),
                "date", date == null ? null : date.toString(), "title", p.optText("title"), "sources",
                p.optNode("sources"));
    }
}
