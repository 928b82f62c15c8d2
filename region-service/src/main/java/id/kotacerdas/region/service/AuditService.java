package id.kotacerdas.region.service;

import id.kotacerdas.platform.audit.AuditEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads of the audit trail, newest first. */
@ApplicationScoped
public class AuditService {

    @Inject
    RegionService regions;

    public record Filter(String regionCode, String actor, OffsetDateTime from, OffsetDateTime to) {
    }

    public record Page(List<AuditEntry> items, long total) {
    }

    @WithSession
    public Uni<Page> find(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.regionCode() != null) {
            where.add("resourceId = :regionCode");
            params.and("regionCode", filter.regionCode());
        }
        if (filter.actor() != null) {
            where.add("actorUsername = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", filter.to());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        Sort sort = Sort.descending("occurredAt").and("id");
        var found = query.isEmpty() ? AuditEntry.<AuditEntry>findAll(sort) : AuditEntry.<AuditEntry>find(query, sort, params);
        return found.page(page, size).list()
                .flatMap(items -> (query.isEmpty() ? AuditEntry.count() : AuditEntry.count(query, params))
                        .map(total -> new Page(items, total)));
    }

    /** The entries of one region, which must exist. */
    @WithSession
    public Uni<Page> forRegion(String code, int page, int size) {
        return regions.current(code).flatMap(region -> find(new Filter(code, null, null, null), page, size));
    }
}
