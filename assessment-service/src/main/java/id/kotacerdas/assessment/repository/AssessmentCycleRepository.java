package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.CycleState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssessmentCycleRepository implements PanacheRepositoryBase<AssessmentCycle, UUID> {

    public record Filter(Integer assessmentYear, Integer programmeYear, CycleState state, boolean withDrafts) {
    }

    public record Page(List<AssessmentCycle> items, long total) {
    }

    public Uni<Page> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.assessmentYear() != null) {
            where.add("assessmentYear = :assessmentYear");
            params.and("assessmentYear", filter.assessmentYear());
        }
        if (filter.programmeYear() != null) {
            where.add("programmeYear = :programmeYear");
            params.and("programmeYear", filter.programmeYear());
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        if (!filter.withDrafts()) {
            // a cycle cancelled as a draft was never opened: hidden as drafts are
            where.add("state <> :draft and (cancelledFrom is null or cancelledFrom <> :draft)");
            params.and("draft", CycleState.DRAFT);
        }
        String query = String.join(" and ", where);
        Sort sort = Sort.descending("assessmentYear").and("createdAt", Sort.Direction.Descending);
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
