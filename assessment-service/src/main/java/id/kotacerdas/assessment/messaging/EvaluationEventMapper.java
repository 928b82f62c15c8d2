package id.kotacerdas.assessment.messaging;

import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationCycle;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.Pillar;
import java.math.BigDecimal;
import java.util.Map;

/** From the domain to the evaluation events' payloads, field by field (the contract kotacerdas.evaluation.v1). */
public final class EvaluationEventMapper {

    private EvaluationEventMapper() {
    }

    public static EvaluationEvents.CycleOpened opened(EvaluationCycle cycle, int regionsDue) {
        return new EvaluationEvents.CycleOpened(cycle.id, cycle.year, cycle.frameworkCode, cycle.frameworkVersion,
                regionsDue, cycle.updatedBy, cycle.openedAt);
    }

    /** {@code previous}: the region's evaluation before this one, or null at its first. */
    public static EvaluationEvents.Published published(Evaluation e, Evaluation previous) {
        Map<EvaluationDimension, BigDecimal> d = e.dimensionScores();
        Map<Pillar, BigDecimal> p = e.pillarScores();
        return new EvaluationEvents.Published(e.id, e.cycleId, e.year, e.regionCode, e.regionName, e.provinceCode,
                level(e.regionLevel), e.source.name(), e.frameworkCode, e.frameworkVersion, e.index,
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
}
