package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.Scoresheet;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ScoresheetRepository implements PanacheRepositoryBase<Scoresheet, UUID> {

    public Uni<Scoresheet> find(UUID cycleId, String regionCode, String assessorSubject) {
        return find("cycleId = ?1 and regionCode = ?2 and assessorSubject = ?3", cycleId, regionCode, assessorSubject)
                .firstResult();
    }

    public Uni<List<Scoresheet>> ofRegion(UUID cycleId, String regionCode) {
        return list("cycleId = ?1 and regionCode = ?2", Sort.by("assessorUsername"), cycleId, regionCode);
    }

    /** Every sheet of a cycle, by region and assessor: what a ranking is computed from. */
    public Uni<List<Scoresheet>> ofCycle(UUID cycleId) {
        return list("cycleId", Sort.by("regionCode").and("assessorUsername"), cycleId);
    }
}
