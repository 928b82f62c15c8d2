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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes the monitoring and evaluation (monev) topic {@code kotacerdas.evaluation.v1} that assessment-service
 * publishes (channel {@value #CHANNEL}): each {@code EvaluationPublished} — a cycle's computed result or a recorded
 * past figure — is a timeline entry (index, national and provincial rank) and the evaluation's projection for the
 * dossier (one per evaluation id; a later publication of the same id replaces it). {@code EvaluationCycleOpened} is
 * about no region: acknowledged, nothing kept. Applied once per event id; what cannot be read goes to
 * {@code kotacerdas.evaluation.v1.dlq}.
 */
@ApplicationScoped
public class EvaluationEventsHandler implements InboxHandler {

    public static final String CHANNEL = "evaluation-events";
    public static final String TOPIC = "kotacerdas.evaluation.v1";
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
                .on(PREFIX + "EvaluationCycleOpened.v1", JsonNode.class, e -> Uni.createFrom().voidItem())
                .on(PREFIX + "EvaluationPublished.v1", JsonNode.class, this::published)
                // issue 18 item 3: a correction re-applies the evaluation (same fields, same entry); a withdrawal or a
                // cancelled cycle marks its entries and projections
                .on(PREFIX + "EvaluationCorrected.v1", JsonNode.class, this::published)
                .on(PREFIX + "EvaluationWithdrawn.v1", JsonNode.class, e -> {
                    Payload p = new Payload(e);
                    Map<String, Object> withdrawal = p.record("withdrawal");
                    return timeline.mark(e, EntryTarget.byKey(TOPIC, p.regionCode("regionCode"),
                            "evaluation:" + p.uuid("evaluationId")), FactRevisions.Mark.WITHDRAWN, withdrawal,
                            timeline.markProjections("evaluationId", "withdrawn", withdrawal));
                })
                .on(PREFIX + "EvaluationCycleCancelled.v1", JsonNode.class, e -> {
                    Payload p = new Payload(e);
                    Map<String, Object> cancellation = p.record("cancellation");
                    String cycle = p.uuid("cycleId").toString();
                    cancellation.putIfAbsent("cycleId", cycle);
                    return timeline.cancel(e, cycle, null, cancellation,
                            timeline.markProjections("evaluationId", "cancelled", cancellation));
                })
                .build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return timeline.beginRebuild(TOPIC, CHANNEL, ProgrammeProjection.Evaluation.class);
    }

    @Override
    public Uni<Void> replayCaughtUp() {
        return timeline.swap(TOPIC, ProgrammeProjection.Evaluation.class);
    }

    Uni<Void> published(IncomingEvent<JsonNode> event) {
        Payload p = new Payload(event);
        UUID id = p.uuid("evaluationId");
        String region = p.regionCode("regionCode");
        int year = p.year("year");
        BigDecimal index = p.optNumber("index");
        if (index == null) {
            throw new PoisonEventException("assessment.EvaluationPublished " + event.id() + ": index is missing or not a number");
        }
        Integer national = p.optInt("nationalRank");
        Integer provincial = p.optInt("provincialRank");
        Payload delta = p.optObject("delta");
        String letter = p.optText("letterNumber");
        Map<String, Object> facts = facts("evaluationId", id.toString(), "year", year, "cycleId", p.optUuid("cycleId"),
                "source", p.optText("source"), "index", index, "dimensions", p.raw("dimensions"), "pillars", p.raw("pillars"),
                "delta", p.raw("delta"), "nationalRank", national, "provincialRank", provincial,
                "letterNumber", letter, "letterDate", p.optText("letterDate"));
        String summary = "Evaluation " + year + ": index " + index.toPlainString()
                + (delta == null || delta.optNumber("index") == null ? ""
                        : " (" + (delta.optNumber("index").signum() >= 0 ? "+" : "") + delta.optNumber("index").toPlainString()
                                + " on " + delta.optInt("previousYear") + ")")
                + (national == null ? "" : ", national rank " + national)
                + (provincial == null ? "" : ", provincial rank " + provincial)
                + ("RECORDED".equals(p.optText("source")) ? " (recorded figures)" : "")
                + (letter == null ? "" : "; letter " + letter);
        EntryDraft draft = EntryDraft.at(region, "evaluation:" + id, TimelineKind.EVALUATED, p.when("publishedAt"), null,
                summary, facts);
        return timeline.record(event, List.of(draft), timeline.evaluation(event, id, region, year, p.details()), region);
    }
}
