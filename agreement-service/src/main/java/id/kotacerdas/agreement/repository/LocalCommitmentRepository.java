package id.kotacerdas.agreement.repository;

import id.kotacerdas.agreement.domain.LocalCommitment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LocalCommitmentRepository implements PanacheRepositoryBase<LocalCommitment, UUID> {

    public record Page(List<LocalCommitment> items, long total) {
    }

    /** The fields a list may be sorted by (the API's {@code sort}). */
    public enum SortField {
        signedOn, regionCode, createdAt
    }

    /**
     * Commitments in the order asked for, by default newest signing first (ties by id); {@code null} filters mean
     * "any"; withdrawn ones only when asked.
     */
    public Uni<Page> search(String regionCode, String provinceCode, Integer year, boolean includeWithdrawn,
            SortField sortField, boolean descending, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (regionCode != null) {
            where.add("regionCode = :regionCode");
            params.and("regionCode", regionCode);
        }
        if (provinceCode != null) {
            where.add("provinceCode = :provinceCode");
            params.and("provinceCode", provinceCode);
        }
        if (year != null) {
            where.add("year(signedOn) = :year");
            params.and("year", year);
        }
        if (!includeWithdrawn) {
            where.add("withdrawnAt is null");
        }
        String query = String.join(" and ", where);
        Sort sort = sortField == null ? Sort.descending("signedOn").and("id")
                : Sort.by(sortField.name(), descending ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and(sortField == SortField.signedOn ? "id" : "signedOn", Sort.Direction.Descending).and("id");
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
