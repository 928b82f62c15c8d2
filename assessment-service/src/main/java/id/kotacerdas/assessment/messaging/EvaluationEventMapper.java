package id.kotacerdas.assessment.messaging;

import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationCycle;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.Pillar;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** From the domain to the evaluation events' payloads, field by field (the contract kotacerdas.evaluation.v1). */
public final class EvaluationEventMapper {

    private EvaluationEventMapper() {
    }

    public static EvaluationEvents.CycleOpened opened(EvaluationCycle cycle, int regionsDue) {
        return new EvaluationEvents.CycleOpened(cycle.id, cycle.year, cycle.year, cycle.frameworkCode, cycle.frameworkCode, cycle.frameworkVersion,
                regionsDue, cycle.updatedBy, cycle.openedAt);
    }

    /** {@code previous}: the region's evaluation before this one, or null at its first. */
    public static EvaluationEvents.Published published(Evaluation e, Evaluation previous) {
        Map<EvaluationDimension, BigDecimal> d = e.dimensionScores();
        Map<Pillar, BigDecimal> p = e.pillarScores();
        return new EvaluationEvents.Published(e.id, e.cycleId, e.year, e.regionCode, e.regionName, e.provinceCode,
                level(e.regionLevel), e.source.name(), e.frameworkCode, e.frameworkCode, e.frameworkVersion, e.index,
                d.isEmpty() ? null : new EvaluationEvents.Dimensions(d.get(EvaluationDimension.BASELINE),
                        d.get(EvaluationDimension.OUTPUT), d.get(EvaluationDimension.OUTCOME), d.get(EvaluationDimension.IMPACT),
                        d.get(EvaluationDimension.QUICK_WIN)),
                p == null ? null : new EvaluationEvents.Pillars(p.get(Pillar.GOVERNANCE), p.get(Pillar.BRANDING),
                        p.get(Pillar.ECONOMY), p.get(Pillar.LIVING), p.get(Pillar.SOCIETY), p.get(Pillar.ENVIRONMENT)),
                previous == null ? null : new EvaluationEvents.Delta(previous.year, e.index.subtract(previous.index)),
                e.nationalRank, e.provincialRank, e.letterNumber, e.letterDate, e.publishedAt, e.publishedOccurred(),
                e.origin().name(), e.source == Evaluation.Source.RECORDED ? e.id : null, e.sourceList());
    }

    /** The registry's level, as every other event names it: PROVINCE, KABUPATEN or KOTA. */
    static String level(String registryLevel) {
        return registryLevel;
    }

    /** The result as it now stands, with its correction. */
    public static EvaluationEvents.Corrected corrected(Evaluation e, Evaluation previous, List<String> changed,
            Map<String, Object> before) {
        EvaluationEvents.Published p = published(e, previous);
        return new EvaluationEvents.Corrected(p.evaluationId(), p.cycleId(), p.year(), p.regionCode(), p.regionName(),
                p.provinceCode(), p.level(), p.source(), p.frameworkKey(), p.frameworkCode(), p.frameworkVersion(), p.index(),
                p.dimensions(), p.pillars(), p.delta(), p.nationalRank(), p.provincialRank(), p.letterNumber(),
                p.letterDate(), p.publishedAt(), p.occurred(), p.origin(), p.recordId(), p.sources(),
                new EvaluationEvents.Correction(e.revision, e.revisionReason,
                        e.revisionSources == null ? List.of() : e.revisionSources.items(), e.revisedAt, e.revisedBy,
                        changed, previous(before)));
    }

    @SuppressWarnings("unchecked")
    static EvaluationEvents.Previous previous(Map<String, Object> before) {
        Map<String, BigDecimal> d = (Map<String, BigDecimal>) before.get("dimensions");
        Map<String, BigDecimal> p = (Map<String, BigDecimal>) before.get("pillars");
        return new EvaluationEvents.Previous((BigDecimal) before.get("index"),
                d == null ? null : new EvaluationEvents.Dimensions(d.get("BASELINE"), d.get("OUTPUT"), d.get("OUTCOME"),
                        d.get("IMPACT"), d.get("QUICK_WIN")),
                p == null ? null : new EvaluationEvents.Pillars(p.get("GOVERNANCE"), p.get("BRANDING"), p.get("ECONOMY"),
                        p.get("LIVING"), p.get("SOCIETY"), p.get("ENVIRONMENT")),
                (Integer) before.get("nationalRank"), (Integer) before.get("provincialRank"),
                (String) before.get("letterNumber"), (LocalDate) before.get("letterDate"),
                (Occurred) before.get("occurred"), (List<Source>) before.get("sources"), (String) before.get("note"));
    }

    public static EvaluationEvents.Withdrawn withdrawn(Evaluation e) {
        return new EvaluationEvents.Withdrawn(e.id, e.cycleId, e.source == Evaluation.Source.RECORDED ? e.id : null,
                e.year, e.regionCode, e.origin().name(), new EvaluationEvents.WithdrawalNote(e.revision,
                        e.withdrawalReason, e.withdrawalSources == null ? List.of() : e.withdrawalSources.items(),
                        e.withdrawnAt, e.withdrawnBy));
    }

    public static EvaluationEvents.CycleCancelled cancelled(EvaluationCycle cycle, String from, String reason) {
        return new EvaluationEvents.CycleCancelled(cycle.id, cycle.year, cycle.year, from, reason, cycle.updatedBy, cycle.updatedAt);
    }
}
