package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.EvaluationScoresheet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Assessors' sheets of evaluation cycles. */
@ApplicationScoped
public class EvaluationScoresheetRepository implements PanacheRepositoryBase<EvaluationScoresheet, UUID> {

    public Uni<List<EvaluationScoresheet>> ofCycle(UUID cycleId) {
        return list("cycleId", Sort.by("regionCode").and("assessorUsername"), cycleId);
    }

    public Uni<List<EvaluationScoresheet>> ofRegion(UUID cycleId, String regionCode) {
        return list("cycleId = ?1 and regionCode = ?2", Sort.by("assessorUsername"), cycleId, regionCode);
    }

    public Uni<EvaluationScoresheet> find(UUID cycleId, String regionCode, String assessorSubject) {
        return find("cycleId = ?1 and regionCode = ?2 and assessorSubject = ?3", cycleId, regionCode, assessorSubject)
                .firstResult();
    }
}
