package id.kotacerdas.masterplan.repository;

import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MasterplanRepository implements PanacheRepositoryBase<Masterplan, UUID> {

    /** Filters of a masterplan list; {@code null} means "any". */
    public record Filter(String regionCode, Integer programmeYear, MasterplanState state, boolean includeWithdrawn) {
    }

    public record Page(List<Masterplan> items, long total) {
    }

    public Uni<Masterplan> findByRegionAndYear(String regionCode, int programmeYear) {
        return find("regionCode = ?1 and programmeYear = ?2", regionCode, programmeYear).firstResult();
    }

    /** The self-made plans of a region recorded from their sources without a programme year. */
    public Uni<List<Masterplan>> recordedWithoutYear(String regionCode) {
        return find("regionCode = ?1 and programmeYear is null", regionCode).list();
    }

    /** The fields a list may be sorted by (the API's {@code sort}). */
    public enum SortField {
        regionCode, programmeYear, openedAt, updatedAt
    }

    /**
     * Masterplans in the order asked for, then (and by default) by region and newest programme year first, then id.
     */
    public Uni<Page> search(Filter filter, SortField sortField, boolean descending, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.regionCode() != null) {
            where.add("regionCode = :regionCode");
            params.and("regionCode", filter.regionCode());
        }
        if (filter.programmeYear() != null) {
            where.add("programmeYear = :programmeYear");
            params.and("programmeYear", filter.programmeYear());
        }
        if (!filter.includeWithdrawn()) {
            where.add("withdrawnAt is null");
        }
        if (filter.state() != null) {
            where.add("state = :state");
            params.and("state", filter.state());
        }
        String query = String.join(" and ", where);
        Sort sort = sortField == null ? Sort.by("regionCode")
                : Sort.by(sortField.name(), descending ? Sort.Direction.Descending : Sort.Direction.Ascending).and("regionCode");
        sort = sort.and("programmeYear", Sort.Direction.Descending).and("id");
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        // chained, never in parallel: one reactive session runs one query at a time
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
