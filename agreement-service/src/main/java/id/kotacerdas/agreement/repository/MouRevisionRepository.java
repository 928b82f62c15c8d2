package id.kotacerdas.agreement.repository;

import id.kotacerdas.agreement.domain.MouRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MouRevisionRepository implements PanacheRepositoryBase<MouRevision, UUID> {

    /** Every revision of the MoU, first first. */
    public Uni<List<MouRevision>> of(UUID mouId) {
        return list("mouId = ?1 order by revision", mouId);
    }
}
