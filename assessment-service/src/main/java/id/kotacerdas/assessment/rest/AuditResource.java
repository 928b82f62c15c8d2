package id.kotacerdas.assessment.rest;

import id.kotacerdas.platform.audit.AuditEntriesResource;
import jakarta.ws.rs.Path;

/**
 * The audit trail of everything assessment-service owns, read the way every service offers it
 * ({@link AuditEntriesResource}); the gateway routes {@code /api/v1/audit/assessment-service} here. The trails of
 * one framework and of one cycle (with everything under it) are also at {@code /api/v1/frameworks/{code}/audit-entries}
 * and {@code /api/v1/assessment-cycles/{cycleId}/audit-entries}.
 */
@Path(AuditEntriesResource.PATH_PREFIX + "assessment-service")
public class AuditResource extends AuditEntriesResource {
}
