package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.domain.SelfAssessmentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SelfAssessmentRepository implements PanacheRepositoryBase<SelfAssessment, UUID> {

    public Uni<SelfAssessment> find(UUID cycleId, String regionCode) {
        return find("cycleId = ?1 and regionCode = ?2", cycleId, regionCode).firstResult();
    }

    public Uni<List<String>> submittedCodes(UUID cycleId) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select regionCode from SelfAssessment where cycleId = :cycle and status = :submitted", String.class)
                .setParameter("cycle", cycleId).setParameter("submitted", SelfAssessmentStatus.SUBMITTED)
                .getResultList());
    }
}
