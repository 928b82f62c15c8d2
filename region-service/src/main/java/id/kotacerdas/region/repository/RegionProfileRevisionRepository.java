package id.kotacerdas.region.repository;

import id.kotacerdas.region.domain.RegionProfileRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RegionProfileRevisionRepository
        implements PanacheRepositoryBase<RegionProfileRevision, RegionProfileRevision.Key> {

    /** The region's earlier profile values, oldest first. */
    public Uni<List<RegionProfileRevision>> of(String regionCode) {
        return list("id.regionCode = ?1 ORDER BY id.revision", regionCode);
    }
}
