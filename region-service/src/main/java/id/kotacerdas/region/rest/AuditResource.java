package id.kotacerdas.region.rest;

import id.kotacerdas.platform.audit.AuditEntriesResource;
import jakarta.ws.rs.Path;

/**
 * The audit trail of everything region-service owns, read the way every service offers it
 * ({@link AuditEntriesResource}); the gateway routes {@code /api/v1/audit/region-service} here.
 */
@Path(AuditEntriesResource.PATH_PREFIX + "region-service")
public class AuditResource extends AuditEntriesResource {
}
