package id.kotacerdas.region.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.region.domain.TimelineKind;
import id.kotacerdas.region.service.EntryDraft;
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
        String cycle = payload.uuid("cycleId").toString();
        return timeline.record(event, drafts, timeline.publish(region, "scored:" + cycle, event.visibility()), region);
    }

    List<EntryDraft> invited(Payload p) {
        String cycle = p.uuid("cycleId").toString();
        int year = p.year("programmeYear");
        Integer assessmentYear = p.optInt("assessmentYear");
        Map<String, Object> facts = facts("cycleId", cycle, "assessmentYear", assessmentYear, "track", p.optText("track"),
                "selfAssessmentDeadline", p.optText("selfAssessmentDeadline"));
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "invited:" + cycle, TimelineKind.INVITED,
                p.instant("invitedAt"), year, "Invited to the assessment" + (assessmentYear == null ? "" : " of " + assessmentYear)
                        + " for programme year " + year, facts));
    }

    List<EntryDraft> submitted(Payload p) {
        String cycle = p.uuid("cycleId").toString();
        Integer answered = p.optInt("answeredIndicators");
        Integer indicators = p.optInt("indicators");
        Integer evidence = p.optInt("evidenceLinks");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "self-assessment:" + cycle,
                TimelineKind.SELF_ASSESSMENT_SUBMITTED, p.instant("submittedAt"), null,
                "Self-assessment submitted" + (answered == null || indicators == null ? ""
                        : ": " + answered + " of " + indicators + " indicators answered")
                        + (evidence == null ? "" : ", " + evidence + " evidence link(s)"),
                facts("cycleId", cycle, "answeredIndicators", answered, "indicators", indicators, "evidenceLinks", evidence)));
    }

    List<EntryDraft> scored(Payload p) {
        String cycle = p.uuid("cycleId").toString();
        BigDecimal score = p.optNumber("score");
        if (score == null) {
            throw new id.kotacerdas.platform.inbox.PoisonEventException(
                    "assessment.RegionScored " + p.event().id() + ": score is missing or not a number");
        }
        Integer assessors = p.optInt("assessorCount");
        Boolean complete = p.optBoolean("complete");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "scored:" + cycle, TimelineKind.SCORED,
                p.instant("scoredAt"), null, "Scored " + score.toPlainString()
                        + (assessors == null ? "" : " by " + assessors + " assessor(s)")
                        + (Boolean.FALSE.equals(complete) ? " (scoresheets incomplete)" : ""),
                facts("cycleId", cycle, "score", score, "assessorCount", assessors, "complete", complete,
                        "track", p.optText("track"))));
    }

    List<EntryDraft> selected(Payload p) {
        String cycle = p.uuid("cycleId").toString();
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
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.SELECTED,
                p.instant("confirmedAt"), year, summary,
                facts("cycleId", cycle, "selectionId", p.optUuid("selectionId"), "assessmentYear", p.optInt("assessmentYear"),
                        "track", p.optText("track"), "rank", rank, "score", score, "outcome", p.optText("outcome"),
                        "repeat", repeat, "repeatOf", earlier)));
    }

    List<EntryDraft> notSelected(Payload p) {
        String cycle = p.uuid("cycleId").toString();
        int year = p.year("programmeYear");
        String outcome = p.optText("outcome");
        return List.of(EntryDraft.at(p.regionCode("regionCode"), "event:" + p.event().id(), TimelineKind.NOT_SELECTED,
                p.instant("confirmedAt"), year, "Not selected for programme year " + year
                        + (outcome == null ? "" : " (" + outcome + ")"),
                facts("cycleId", cycle, "selectionId", p.optUuid("selectionId"), "assessmentYear", p.optInt("assessmentYear"),
                        "track", p.optText("track"), "rank", p.optInt("rank"), "score", p.optNumber("score"),
                        "outcome", outcome, "reason", p.optText("reason"))));
    }

    List<EntryDraft> resultLetter(Payload p) {
        String letter = p.uuid("letterId").toString();
        String number = p.text("number");
        int year = p.year("programmeYear");
        java.time.LocalDate date = p.date("date");
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
                            "recorded", p.optBoolean("recorded"), "regionsListed", p.size("regions"))));
        }
        return drafts;
    }

    List<EntryDraft> cohortRecorded(Payload p) {
        int year = p.year("programmeYear");
        String track = p.text("track");
        List<EntryDraft> drafts = new ArrayList<>();
        for (Payload member : p.objects("members")) {
            String code = member.regionCode("regionCode");
            Integer repeatOf = member.optInt("repeatOfYear");
            drafts.add(EntryDraft.inYear(code, "cohort:" + year + ":" + track, TimelineKind.COHORT_RECORDED, year, year,
                    "Member of the " + year + " cohort (" + track + ")" + (repeatOf == null ? "" : ", a repeat of " + repeatOf)
                            + ", as recorded from its sources",
                    facts("track", track, "regionName", member.optText("regionName"), "repeatOfYear", repeatOf,
                            "confidence", member.optText("confidence"), "sourceUrl", member.optText("sourceUrl"))));
        }
        return drafts;
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
