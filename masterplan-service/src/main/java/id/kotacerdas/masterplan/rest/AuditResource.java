package id.kotacerdas.masterplan.rest;

import id.kotacerdas.platform.audit.AuditEntriesResource;
import jakarta.ws.rs.Path;

/**
 * The audit trail of everything masterplan-service owns (masterplans, their documents, reviews, ratifications and
 * bimtek stages), read the way every service offers it ({@link AuditEntriesResource}); the gateway routes
 * {@code /api/v1/audit/masterplan-service} here.
 */
@Path(AuditEntriesResource.PATH_PREFIX + "masterplan-service")
public class AuditResource extends AuditEntriesResource {
}
