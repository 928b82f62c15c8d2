package id.kotacerdas.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A service's audit trail: records changes in the caller's transaction, so a change and its audit entry commit
 * together, and reads them back, newest first ({@link AuditEntriesResource}).
 */
@ApplicationScoped
public class AuditTrail {

    /** Which entries to read; {@code null} means "any". {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(String resourceType, String resourceId, String actor, OffsetDateTime from, OffsetDateTime to) {

        public static Filter of(String resourceId) {
            return new Filter(null, resourceId, null, null, null);
        }
    }

    /** One page of entries, newest first, and how many match in all. */
    public record Page(List<AuditEntry> items, long total) {
    }

    @Inject
    ObjectMapper mapper;

    public Uni<AuditEntry> record(Caller caller, String action, String resourceType, String resourceId,
            Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.actorSubject = caller.subject();
        entry.actorUsername = caller.username();
        entry.actorRoles = String.join(",", new TreeSet<>(caller.roles()));
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.before = before == null ? null : mapper.valueToTree(before);
        entry.after = after == null ? null : mapper.valueToTree(after);
        entry.requestId = RequestIds.currentRequestId();
        return entry.persist();
    }

    /** The entries that match, newest first. */
    @WithSession
    public Uni<Page> find(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.resourceType() != null) {
            where.add("resourceType = :resourceType");
            params.and("resourceType", filter.resourceType());
        }
        if (filter.resourceId() != null) {
            where.add("resourceId = :resourceId");
            params.and("resourceId", filter.resourceId());
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
        String query = String.join(" and ", where);
        Sort sort = Sort.descending("occurredAt").and("id", Sort.Direction.Descending);
        var found = query.isEmpty() ? AuditEntry.<AuditEntry>findAll(sort) : AuditEntry.<AuditEntry>find(query, sort, params);
        // chained, never in parallel: one reactive session runs one query at a time
        return found.page(page, size).list()
                .chain(items -> (query.isEmpty() ? AuditEntry.count() : AuditEntry.count(query, params))
                        .map(total -> new Page(items, total)));
    }

    /** One entry, or {@code null}. */
    @WithSession
    public Uni<AuditEntry> get(UUID id) {
        return AuditEntry.findById(id);
    }
}
