package id.kotacerdas.agreement.repository;

import id.kotacerdas.agreement.domain.LocalCommitmentRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LocalCommitmentRevisionRepository implements PanacheRepositoryBase<LocalCommitmentRevision, UUID> {

    /** Every stored revision of the commitment, first first (none until its first correction or withdrawal). */
    public Uni<List<LocalCommitmentRevision>> of(UUID commitmentId) {
        return list("commitmentId = ?1 order by revision", commitmentId);
    }
}
