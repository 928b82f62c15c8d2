package id.kotacerdas.region.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.region.domain.FactRevisions;
import id.kotacerdas.region.domain.TimelineKind;
import id.kotacerdas.region.service.EntryDraft;
import id.kotacerdas.region.service.EntryTarget;
import id.kotacerdas.region.service.ProgrammeTimeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes assessment-service's {@code kotacerdas.assessment.v1} (channel {@value #CHANNEL}) into the regions'
 * timelines: invited, self-assessment submitted, scored (one entry per cycle: the latest overall score), selected for a
 * programme year (repeat or not) or not selected, listed in a result letter (one entry per region the letter lists),
 * member of a recorded historical cohort (one entry per member). {@code AssessmentCycleOpened} is about no region:
 * acknowledged, nothing kept. Through the platform inbox: applied once per event id; a payload without what the
 * timeline needs, or a type outside the topic's catalogue, goes to {@code kotacerdas.assessment.v1.dlq}.
 */
@ApplicationScoped
public class AssessmentEventsHandler implements InboxHandler {

    public static final String CHANNEL = "assessment-events";
    public static final String TOPIC = "kotacerdas.assessment.v1";
    static final String PREFIX = "id.kotacerdas.assessment.";

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
                .on(PREFIX + "AssessmentCycleOpened.v1", JsonNode.class, event -> Uni.createFrom().voidItem())
                .on(PREFIX + "RegionInvited.v1", JsonNode.class, e -> record(e, this::invited))
                .on(PREFIX + "SelfAssessmentSubmitted.v1", JsonNode.class, e -> record(e, this::submitted))
                .on(PREFIX + "RegionScored.v1", JsonNode.class, e -> record(e, this::scored))
                .on(PREFIX + "RegionSelected.v1", JsonNode.class, e -> recordPublishing(e, this::selected))
                .on(PREFIX + "RegionNotSelected.v1", JsonNode.class, e -> recordPublishing(e, this::notSelected))
                .on(PREFIX + "ResultLetterIssued.v1", JsonNode.class, e -> record(e, this::resultLetter))
                .on(PREFIX + "CohortRecorded.v1", JsonNode.class, e -> record(e, this::cohortRecorded))
                // issue 18 item 3: corrections re-apply the fact in place, withdrawals and cancellations mark entries
                .on(PREFIX + "AssessmentOutcomeCorrected.v1", JsonNode.class, e -> recordPublishing(e, this::outcome))
                .on(PREFIX + "AssessmentOutcomeWithdrawn.v1", JsonNode.class, e -> withdraw(e, p -> List.of(
                        EntryTarget.byFacts(TOPIC, p.regionCode("regionCode"), Map.of("recordId", p.uuid("recordId").toString())))))
                .on(PREFIX + "CohortMemberCorrected.v1", JsonNode.class, this::cohortMemberCorrected)
                .on(PREFIX + "CohortMemberWithdrawn.v1", JsonNode.class, e -> withdraw(e, this::cohortMembers))
                .on(PREFIX + "ResultLetterCorrected.v1", JsonNode.class, this::resultLetterCorrected)
                .on(PREFIX + "ResultLetterWithdrawn.v1", JsonNode.class, e -> withdraw(e, p -> List.of(
                        EntryTarget.byKey(TOPIC, null, "letter:" + letterId(p)))))
                .on(PREFIX + "AssessmentCycleCancelled.v1", JsonNode.class, e -> cancel(e, p -> null))
                .on(PREFIX + "InvitationCancelled.v1", JsonNode.class, e -> cancel(e, p -> p.regionCode("regionCode")))
                .build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return timeline.beginRebuild(TOPIC, CHANNEL, null);
    }

    @Override
    public Uni<Void> replayCaughtUp() {
        return timeline.swap(TOPIC, null);
    }

    /** Marks the entries of each target as withdrawn ({@code data.withdrawal}). */
    private Uni<Void> withdraw(IncomingEvent<JsonNode> event, java.util.function.Function<Payload, List<EntryTarget>> targets) {
        Payload p = new Payload(event);
        Map<String, Object> withdrawal = p.record("withdrawal");
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EntryTarget target : targets.apply(p)) {
            chain = chain.chain(() -> timeline.mark(event, target, FactRevisions.Mark.WITHDRAWN, withdrawal,
                    ProgrammeTimeline.noProjection()));
        }
        return chain;
    }

    /** Marks the entries of a cancelled cycle or invitation ({@code data.cancellation}, or its top-level reason). */
    private Uni<Void> cancel(IncomingEvent<JsonNode> event, java.util.function.Function<Payload, String> region) {
        Payload p = new Payload(event);
        String cycle = p.uuid("cycleId").toString();
        Map<String, Object> cancellation = p.record("cancellation");
        cancellation.putIfAbsent("cycleId", cycle);
        if (p.optUuid("invitationId") != null) {
            cancellation.putIfAbsent("invitationId", p.optUuid("invitationId"));
        }
        return timeline.cancel(event, cycle, region.apply(p), cancellation, ProgrammeTimeline.noProjection());
    }

    private Uni<Void> record(IncomingEvent<JsonNode> event, java.util.function.Function<Payload, List<EntryDraft>> read) {
        List<EntryDraft> drafts = read.apply(new Payload(event));
        return timeline.record(event, drafts, ProgrammeTimeline.Projection.NONE, null);
    }

    /**
     * A confirmed selection publishes the cycle's results (assessment-service shows every caller a region's score
     * once the selection is confirmed): the region's score of that cycle becomes as visible as the selection itself.
     */
    private Uni<Void> recordPublishing(IncomingEvent<JsonNode> event, java.util.function.Function<Payload, List<EntryDraft>> read) {
        Payload payload = new Payload(event);
        List<EntryDraft> drafts = read.apply(payload);
        String region = payload.regionCode("regionCode");
        String cycle = payload.cycleOrRecord();
        return timeline.record(event, drafts, timeline.publish(region, "scored:" + cycle, event.visibility()), region);
    }

    /**
     * The key of a selection outcome: an outcome recorded from its sources is one fact per record (its
     * {@code recordId}), so its correction replaces it in place, even from selected to not selected; a live one is
     * keyed by its event as before.
     */
    private static String outcomeKey(Payload p) {
        String record = p.optUuid("recordId");
        return record != null ? "outcome:" + record : "event:" + p.event().id();
    }

    /** A recorded assessment's outcome as corrected: selected or not, as its {@code outcome} now says. */
    List<EntryDraft> outcome(Payload p) {
        return "SELECTED".equals(p.optText("outcome")) ? selected(p) : notSelected(p);
    }

    /** A cohort member's identity: year, track and its region (or the regions listed). */
    List<EntryTarget> cohortMembers(Payload p) {
        int year = p.year("programmeYear");
        String track = p.text("track");
        List<EntryTarget> targets = new ArrayList<>();
        if (p.optText("regionCode") != null) {
            targets.add(EntryTarget.byKey(TOPIC, p.regionCode("regionCode"), "cohort:" + year + ":" + track));
        }
        for (String list : List.of("regions", "members")) {
            if (p.size(list) > 0) {
                for (Payload r : p.objects(list)) {
                    targets.add(EntryTarget.byKey(TOPIC, r.regionCode("regionCode"), "cohort:" + year + ":" + track));
                }
            }
        }
        return targets;
    }

    /**
     * A cohort member as corrected (the member's fields at the top level, or a {@code members} list as
     * {@code CohortRecorded} has it); a member moved to another year or track ({@code correction.previous}) leaves
     * the entry of its earlier cohort.
     */
    Uni<Void> cohortMemberCorrected(IncomingEvent<JsonNode> event) {
        Payload p = new Payload(event);
        List<EntryDraft> drafts = p.size("members") > 0 ? cohortRecorded(p) : List.of(cohortMember(p, p));
        Payload previous = p.optObject("correction") == null ? null : p.optObject("correction").optObject("previous");
        EntryTarget replaced = null;
        if (previous != null && (previous.optInt("programmeYear") != null || previous.optText("track") != null)
                && p.optText("regionCode") != null) {
            int year = previous.optInt("programmeYear") != null ? previous.optInt("programmeYear") : p.year("programmeYear");
            String track = previous.optText("track") != null ? previous.optText("track") : p.text("track");
            replaced = EntryTarget.byKey(TOPIC, p.regionCode("regionCode"), "cohort:" + year + ":" + track);
        }
        return timeline.record(event, drafts, ProgrammeTimeline.Projection.NONE, null, replaced);
    }

    /** A corrected letter re-applies its entries; a region it no longer lists leaves the letter's entry. */
    Uni<Void> resultLetterCorrected(IncomingEvent<JsonNode> event) {
        Payload p = new Payload(event);
        List<EntryDraft> drafts = resultLetter(p);
        return timeline.record(event, drafts, ProgrammeTimeline.Projection.NONE, null,
                EntryTarget.byKey(TOPIC, null, "letter:" + letterId(p)));
    }

    /** A letter's id: {@code letterId}, or the {@code recordId} of a letter recorded on its own. */
    private static String letterId(Payload p) {
        return p.optText("letterId") == null && p.optText("recordId") != null ? p.uuid("recordId").toString()
                : p.uuid("letterId").toString();
    }

    List<EntryDraft> invited(Payload p) {
        String cycle = p.cycleOrRecord();
        int year = p.year("programmeYear");
        Integer assessmentYear = p.optInt("assessmentYear");
        Map<String, Object> facts = facts("cycleId", p.optUuid("cycleId"), "recordId", p.optUuid("recordId"),
                "assessmentYear", assessmentYear, "track", p.optText("track"),
                "selfAssessmentDeadline", p.optText("selfAssessmentDeadline"));
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "invited:" + cycle, TimelineKind.INVITED,
                p.when("invitedAt"), year, "Invited to the assessment" + (assessmentYear == null ? "" : " of " + assessmentYear)
                        + " for programme year " + year, facts));
    }

    List<EntryDraft> submitted(Payload p) {
        String cycle = p.cycleOrRecord();
        Integer answered = p.optInt("answeredIndicators");
        Integer indicators = p.optInt("indicators");
        Integer evidence = p.optInt("evidenceLinks");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "self-assessment:" + cycle,
                TimelineKind.SELF_ASSESSMENT_SUBMITTED, p.when("submittedAt"), null,
                "Self-assessment submitted" + (answered == null || indicators == null ? ""
                        : ": " + answered + " of " + indicators + " indicators answered")
                        + (evidence == null ? "" : ", " + evidence + " evidence link(s)"),
                facts("cycleId", p.optUuid("cycleId"), "recordId", p.optUuid("recordId"), "answeredIndicators", answered,
                        "indicators", indicators, "evidenceLinks", evidence)));
    }

    List<EntryDraft> scored(Payload p) {
        String cycle = p.cycleOrRecord();
        BigDecimal score = p.optNumber("score");
        if (score == null) {
            throw new id.kotacerdas.platform.inbox.PoisonEventException(
                    "assessment.RegionScored " + p.event().id() + ": score is missing or not a number");
        }
        Integer assessors = p.optInt("assessorCount");
        Boolean complete = p.optBoolean("complete");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "scored:" + cycle, TimelineKind.SCORED,
                p.when("scoredAt"), null, "Scored " + score.toPlainString()
                        + (assessors == null ? "" : " by " + assessors + " assessor(s)")
                        + (Boolean.FALSE.equals(complete) ? " (scoresheets incomplete)" : ""),
                facts("cycleId", p.optUuid("cycleId"), "recordId", p.optUuid("recordId"), "score", score,
                        "assessorCount", assessors, "complete", complete, "track", p.optText("track"))));
    }

    List<EntryDraft> selected(Payload p) {
        p.cycleOrRecord();
        int year = p.year("programmeYear");
        Integer rank = p.optInt("rank");
        BigDecimal score = p.optNumber("score");
        boolean repeat = Boolean.TRUE.equals(p.optBoolean("repeat"));
        List<Integer> earlier = new ArrayList<>();
        if (p.size("repeatOf") > 0) {
            p.objects("repeatOf").forEach(o -> {
                Integer y = o.optInt("programmeYear");
                if (y != null) {
                    earlier.add(y);
                }
            });
        }
        String summary = "Selected for programme year " + year
                + (rank == null && score == null ? "" : " (" + (rank == null ? "" : "rank " + rank)
                        + (rank != null && score != null ? ", " : "") + (score == null ? "" : "score " + score.toPlainString()) + ")")
                + (repeat ? ", a repeat" + (earlier.isEmpty() ? "" : " of " + join(earlier)) : "");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), outcomeKey(p), TimelineKind.SELECTED,
                p.when("confirmedAt"), year, summary,
                facts("cycleId", p.optUuid("cycleId"), "recordId", p.optUuid("recordId"), "selectionId", p.optUuid("selectionId"), "assessmentYear", p.optInt("assessmentYear"),
                        "track", p.optText("track"), "rank", rank, "score", score, "outcome", p.optText("outcome"),
                        "repeat", repeat, "repeatOf", earlier)));
    }

    List<EntryDraft> notSelected(Payload p) {
        p.cycleOrRecord();
        int year = p.year("programmeYear");
        String outcome = p.optText("outcome");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), outcomeKey(p), TimelineKind.NOT_SELECTED,
                p.when("confirmedAt"), year, "Not selected for programme year " + year
                        + (outcome == null || "NOT_SELECTED".equals(outcome) ? "" : " (" + outcome + ")"),
                facts("cycleId", p.optUuid("cycleId"), "recordId", p.optUuid("recordId"), "selectionId", p.optUuid("selectionId"), "assessmentYear", p.optInt("assessmentYear"),
                        "track", p.optText("track"), "rank", p.optInt("rank"), "score", p.optNumber("score"),
                        "outcome", outcome, "reason", p.optText("reason"))));
    }

    List<EntryDraft> resultLetter(Payload p) {
        String letter = letterId(p);
        String number = p.text("number");
        int year = p.year("programmeYear");
        java.time.LocalDate date = p.day("date");
        List<EntryDraft> drafts = new ArrayList<>();
        for (Payload region : p.objects("regions")) {
            String code = region.regionCode("regionCode");
            if (drafts.stream().anyMatch(d -> d.regionCode().equals(code))) {
                continue; // a region listed twice is one entry
            }
            drafts.add(EntryDraft.on(code, "letter:" + letter, TimelineKind.RESULT_LETTER, date, year,
                    "Result letter " + number + " of " + date + " lists the region for programme year " + year,
                    facts("letterId", letter, "number", number, "date", date.toString(), "cycleId", p.optUuid("cycleId"),
                            "selectionId", p.optUuid("selectionId"), "track", region.optText("track"),
                            "recordId", p.optUuid("recordId"), "recorded", p.optBoolean("recorded"),
                            "regionsListed", p.size("regions"))));
        }
        return drafts;
    }

    List<EntryDraft> cohortRecorded(Payload p) {
        int year = p.year("programmeYear");
        String track = p.text("track");
        List<EntryDraft> drafts = new ArrayList<>();
        for (Payload member : p.objects("members")) {
            drafts.add(cohortMember(p, member));
        }
        return drafts;
    }

    /** One member of the cohort {@code cohort} names (programmeYear, track). */
    EntryDraft cohortMember(Payload cohort, Payload member) {
        int year = cohort.year("programmeYear");
        String track = cohort.text("track");
        String code = member.regionCode("regionCode");
        Integer repeatOf = member.optInt("repeatOfYear");
        return EntryDraft.inYear(code, "cohort:" + year + ":" + track, TimelineKind.COHORT_RECORDED, year, year,
                "Member of the " + year + " cohort (" + track + ")" + (repeatOf == null ? "" : ", a repeat of " + repeatOf)
                        + ", as recorded from its sources",
                facts("track", track, "regionName", member.optText("regionName"), "repeatOfYear", repeatOf,
                        "confidence", member.optText("confidence"), "sourceUrl", member.optText("sourceUrl")));
    }

    private static String join(List<Integer> years) {
        return String.join(", ", years.stream().map(String::valueOf).toList());
    }

    /** The salient facts, in the order given, without the ones the event does not say. */
    static Map<String, Object> facts(Object... keyValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof BigDecimal d) {
                value = d.doubleValue();
            }
            if (value != null && !(value instanceof List<?> l && l.isEmpty() && !"repeatOf".equals(keyValues[i]))) {
                facts.put(Objects.toString(keyValues[i]), value);
            }
        }
        return facts;
    }
}
