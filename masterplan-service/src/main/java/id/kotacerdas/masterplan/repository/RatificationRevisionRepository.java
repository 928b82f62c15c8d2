package id.kotacerdas.masterplan.repository;

import id.kotacerdas.masterplan.domain.RatificationRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RatificationRevisionRepository implements PanacheRepositoryBase<RatificationRevision, UUID> {

    /** A masterplan's earlier ratification values, oldest first. */
    public Uni<List<RatificationRevision>> of(UUID masterplanId) {
        return find("masterplanId", Sort.by("revision"), masterplanId).list();
    }
}
