package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.EvaluationCycle;
import id.kotacerdas.assessment.domain.EvaluationState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Evaluation cycles, newest year first. */
@ApplicationScoped
public class EvaluationCycleRepository implements PanacheRepositoryBase<EvaluationCycle, UUID> {

    public Uni<EvaluationCycle> ofYear(int year) {
        return find("year", year).firstResult();
    }

    /** Every cycle, drafts only when asked. */
    public Uni<List<EvaluationCycle>> all(boolean withDrafts) {
        Sort sort = Sort.descending("year");
        return withDrafts ? listAll(sort) : list("state <> ?1", sort, EvaluationState.DRAFT);
    }
}
