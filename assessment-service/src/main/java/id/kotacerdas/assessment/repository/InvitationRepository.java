package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.InvitationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Uni<Invitation> find(UUID cycleId, String regionCode) {
        return find("cycleId = ?1 and regionCode = ?2", cycleId, regionCode).firstResult();
    }

    /** Invited regions that have not declined. */
    public Uni<Long> countInvited(UUID cycleId) {
        return count("cycleId = ?1 and status = ?2", cycleId, InvitationStatus.INVITED);
    }

    public Uni<List<Invitation>> ofCycle(UUID cycleId) {
        return list("cycleId", Sort.by("regionCode"), cycleId);
    }

    public Uni<List<String>> invitedCodes(UUID cycleId, List<String> codes) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select regionCode from Invitation where cycleId = :cycle and regionCode in :codes", String.class)
                .setParameter("cycle", cycleId).setParameter("codes", codes).getResultList());
    }

    public record Page(List<Invitation> items, long total) {
    }

    public Uni<Page> page(UUID cycleId, InvitationStatus status, String provinceCode, int page, int size) {
        String query = "cycleId = :cycle" + (status == null ? "" : " and status = :status")
                + (provinceCode == null ? "" : " and provinceCode = :province");
        Parameters params = Parameters.with("cycle", cycleId);
        if (status != null) {
            params.and("status", status);
        }
        if (provinceCode != null) {
            params.and("province", provinceCode);
        }
        return find(query, Sort.by("regionCode"), params).page(page, size).list()
                .chain(items -> count(query, params).map(total -> new Page(items, total)));
    }
}
