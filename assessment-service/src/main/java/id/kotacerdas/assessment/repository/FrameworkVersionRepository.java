package id.kotacerdas.assessment.repository;

import id.kotacerdas.assessment.domain.FrameworkStatus;
import id.kotacerdas.assessment.domain.FrameworkVersion;
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
public class FrameworkVersionRepository implements PanacheRepositoryBase<FrameworkVersion, UUID> {

    public Uni<FrameworkVersion> find(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResult();
    }

    /** The highest version number of a code, 0 when there is none. */
    public Uni<Integer> latestVersion(String code) {
        return getSession().chain(s -> s.createSelectionQuery(
                "select coalesce(max(version), 0) from FrameworkVersion where code = :code", Integer.class)
                .setParameter("code", code).getSingleResult());
    }

    /** Serialises the loading of shipped frameworks between instances starting together (until the transaction ends). */
    public Uni<Void> lockLoading() {
        return getSession().chain(s -> s.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7294120082)) AS locked",
                Integer.class).getSingleResult()).replaceWithVoid();
    }

    public record Page(List<FrameworkVersion> items, long total) {
    }

    /** The fields a list of framework versions may be sorted by (the {@code sort} parameter's values). */
    public enum SortField {
        code, version, publishedAt, createdAt
    }

    /** A page of versions in {@code order} ({@code null}: by code, newest version first), ties by code and version. */
    public Uni<Page> search(String code, FrameworkStatus status, SortOrder order, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (code != null) {
            where.add("code = :code");
            params.and("code", code);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        String query = String.join(" and ", where);
        SortField field = SortOrder.field(order, SortField.class);
        Sort sort = field == null ? Sort.by("code").and("version", Sort.Direction.Descending)
                : Sort.by(field.name(), SortOrder.descending(order) ? Sort.Direction.Descending : Sort.Direction.Ascending)
                        .and("code").and("version", Sort.Direction.Descending);
        var found = query.isEmpty() ? findAll(sort) : find(query, sort, params);
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? count() : count(query, params)).map(total -> new Page(items, total)));
    }
}
