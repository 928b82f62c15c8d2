package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.AssessmentCycle;
import id.kotacerdas.assessment.domain.CycleState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import id.kotacerdas.platform.web.SortOrder;
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

    /** The fields a list of cycles may be sorted by (the {@code sort} parameter's values). */
    public enum SortField {
        assessmentYear, programmeYear, name, createdAt
    }

    /**
     * A page of cycles in {@code order} ({@code null}: newest assessment year first, then newest created), ties
     * broken by the newest created and the id so that pages do not overlap.
     */
    public Uni<Page> search(Filter filter, SortOrder order, int page, int size) {
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
        SortField field = SortOrder.field(order, SortField.class);
        Sort sort = field == null ? Sort.descending("assessmentYear")
                : Sort.by(field.name(), SortOrder.descending(order) ? Sort.Direction.Descending : Sort.Direction.Ascending);
        sort = sort.and("createdAt", Sort.Direction.Descending).and("id");
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
