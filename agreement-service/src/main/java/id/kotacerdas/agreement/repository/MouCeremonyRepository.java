package id.kotacerdas.agreement.repository;

import id.kotacerdas.agreement.domain.CeremonyState;
import id.kotacerdas.agreement.domain.MouCeremony;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MouCeremonyRepository implements PanacheRepositoryBase<MouCeremony, UUID> {

    public record Page(List<MouCeremony> items, long total) {
    }

    /** The fields a list may be sorted by (the API's {@code sort}). */
    public enum SortField {
        plannedOn, programmeYear, createdAt
    }

    /** Ceremonies in the order asked for, by default newest planned date first (ties by id); {@code null} filters mean "any". */
    public Uni<Page> search(Integer programmeYear, CeremonyState state, SortField sortField, boolean descending, int page,
            int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (programmeYear != null) {
            where.add("programmeYear = :programmeYear");
            params.and("programmeYear", programmeYear);
        }
        if (state != null) {
            where.add("state = :state");
            params.and("state", state);
        }
        String query = String.join(" and ", where);
        Sort sort = sortField == null ? Sort.descending("plannedOn").and("id")
                : Sort.by(sortField.name(), descending ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and(sortField == SortField.plannedOn ? "id" : "plannedOn", Sort.Direction.Descending).and("id");
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
