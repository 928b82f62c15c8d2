package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.audit.AuditEntriesResource;
import jakarta.ws.rs.Path;

/**
 * The audit trail of everything agreement-service owns (MoUs, ceremonies, local commitments), read the way every
 * service offers it ({@link AuditEntriesResource}); the gateway routes {@code /api/v1/audit/agreement-service} here.
 */
@Path(AuditEntriesResource.PATH_PREFIX + "agreement-service")
public class AuditResource extends AuditEntriesResource {
}
