package id.kotacerdas.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.UUID;

/** Records changes in the caller's transaction, so a change and its audit entry commit together. */
@ApplicationScoped
public class AuditTrail {

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
}
