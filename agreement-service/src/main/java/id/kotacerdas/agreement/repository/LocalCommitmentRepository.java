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

    /** Commitments, newest signing first; {@code null} filters mean "any"; withdrawn ones only when asked. */
    public Uni<Page> search(String regionCode, String provinceCode, Integer year, boolean includeWithdrawn, int page,
            int size) {
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
        Sort sort = Sort.descending("signedOn").and("id");
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
