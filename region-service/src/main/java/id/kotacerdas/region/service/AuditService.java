package id.kotacerdas.region.service;

import id.kotacerdas.platform.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads of region-service's audit trail that know about regions. The service-wide read
 * ({@code /api/v1/audit/region-service}) is the platform's ({@code AuditEntriesResource}).
 */
@ApplicationScoped
public class AuditService {

    @Inject
    RegionService regions;

    @Inject
    AuditTrail audit;

    /** The entries of one region, which must exist, newest first. */
    @WithSession
    public Uni<AuditTrail.Page> forRegion(String code, int page, int size) {
        return regions.current(code).chain(region -> audit.find(AuditTrail.Filter.of(code), page, size));
    }
}
