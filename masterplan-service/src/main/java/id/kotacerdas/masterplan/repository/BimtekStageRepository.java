package id.kotacerdas.masterplan.repository;

import id.kotacerdas.masterplan.domain.BimtekStage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BimtekStageRepository implements PanacheRepositoryBase<BimtekStage, UUID> {

    /** The scheduled stages of a masterplan, in stage order. */
    public Uni<List<BimtekStage>> of(UUID masterplanId) {
        return list("masterplanId", Sort.by("stage"), masterplanId);
    }
}
