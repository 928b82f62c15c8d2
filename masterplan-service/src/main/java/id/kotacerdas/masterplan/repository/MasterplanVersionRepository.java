package id.kotacerdas.masterplan.repository;

import id.kotacerdas.masterplan.domain.MasterplanVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MasterplanVersionRepository implements PanacheRepositoryBase<MasterplanVersion, UUID> {

    public Uni<List<MasterplanVersion>> of(UUID masterplanId) {
        return list("masterplanId", Sort.by("number"), masterplanId);
    }

    public Uni<MasterplanVersion> find(UUID masterplanId, int number) {
        return find("masterplanId = ?1 and number = ?2", masterplanId, number).firstResult();
    }
}
