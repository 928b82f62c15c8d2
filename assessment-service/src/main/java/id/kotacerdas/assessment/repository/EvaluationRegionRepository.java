package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.EvaluationRegion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The regions due in evaluation cycles, with their self-assessments. */
@ApplicationScoped
public class EvaluationRegionRepository implements PanacheRepositoryBase<EvaluationRegion, UUID> {

    public Uni<List<EvaluationRegion>> ofCycle(UUID cycleId) {
        return list("cycleId", Sort.by("regionCode"), cycleId);
    }

    public Uni<EvaluationRegion> find(UUID cycleId, String regionCode) {
        return find("cycleId = ?1 and regionCode = ?2", cycleId, regionCode).firstResult();
    }

    public Uni<Long> countOf(UUID cycleId) {
        return count("cycleId", cycleId);
    }
}
