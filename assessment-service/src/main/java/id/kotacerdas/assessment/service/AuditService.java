package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.audit.AuditEntry;
import id.kotacerdas.platform.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads of the audit trail of what this service owns, newest first: a framework (all its versions) or a cycle
 * (the cycle and everything under it: invitations, self-assessments, scoresheets, the selection). The resource ids
 * are {@code code/version} for framework versions and {@code cycleId[/regionCode[/assessor]]} for a cycle's records.
 */
@ApplicationScoped
public class AuditService {

    @WithSession
    public Uni<AuditTrail.Page> underPrefix(String resourceType, String id, int page, int size) {
        String query = (resourceType == null ? "" : "resourceType = :type and ")
                + "(resourceId = :id or resourceId like :prefix)";
        Parameters params = Parameters.with("id", id).and("prefix", id.replace("%", "\\%") + "/%");
        if (resourceType != null) {
            params.and("type", resourceType);
        }
        Sort sort = Sort.descending("occurredAt").and("id");
        return AuditEntry.<AuditEntry>find(query, sort, params).page(page, size).list()
                .chain(items -> AuditEntry.count(query, params).map(total -> new AuditTrail.Page(items, total)));
    }
}
