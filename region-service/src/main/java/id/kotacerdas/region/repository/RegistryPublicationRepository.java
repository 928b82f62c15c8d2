package id.kotacerdas.region.repository;

import id.kotacerdas.region.domain.RegistryPublication;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RegistryPublicationRepository implements PanacheRepositoryBase<RegistryPublication, Long> {

    /** Serialises publications across replicas until the transaction ends (also when two start at once). */
    private static final long LOCK_ID = 7_294_120_002L;

    /** Waits for the publication lock; call inside the publishing transaction. */
    public Uni<Void> lockForPublication() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(" + LOCK_ID + ")) locked",
                        Long.class)
                .getSingleResult()).replaceWithVoid();
    }

    /** The newest publication, or {@code null}. */
    public Uni<RegistryPublication> newest() {
        return findAll(Sort.descending("seq")).firstResult();
    }
}
