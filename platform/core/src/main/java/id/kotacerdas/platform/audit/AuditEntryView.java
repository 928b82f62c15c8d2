package id.kotacerdas.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.web.PageParams;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How every service shows an entry of its audit trail ({@link AuditEntriesResource}). */
@Schema(name = "AuditEntry", description = "One recorded change: who, when, what, before and after.")
public record AuditEntryView(
        UUID id,
        @Schema(examples = "2026-11-23T09:02:11.123456Z") OffsetDateTime occurredAt,
        Actor actor,
        @Schema(examples = "REGION_PROFILE_UPDATED") String action,
        @Schema(examples = "RegionProfile") String resourceType,
        @Schema(examples = "18.72") String resourceId,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "The state before the change (a JSON object); `null` for creations.") JsonNode before,
        @Schema(type = SchemaType.OBJECT, implementation = Object.class, description = "The state after the change (a JSON object).") JsonNode after,
        @Schema(description = "The request that made the change.", examples = "6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11") String requestId) {

    @Schema(name = "Actor", description = "Who made the change.")
    public record Actor(
            @Schema(description = "Token subject.") String subject,
            @Schema(examples = "officer-metro") String username,
            @Schema(examples = "[\"region-officer\"]") List<String> roles) {
    }

    public static AuditEntryView of(AuditEntry entry) {
        List<String> roles = entry.actorRoles.isEmpty() ? List.of() : Arrays.asList(entry.actorRoles.split(","));
        return new AuditEntryView(entry.id, entry.occurredAt, new Actor(entry.actorSubject, entry.actorUsername, roles),
                entry.action, entry.resourceType, entry.resourceId, entry.before, entry.after, entry.requestId);
    }

    @Schema(name = "AuditPage", description = "One page of audit entries, newest first.")
    public record Page(List<AuditEntryView> items, int page, int size, long total, long totalPages) {

        public static Page of(AuditTrail.Page found, PageParams paging) {
            return new Page(found.items().stream().map(AuditEntryView::of).toList(), paging.page, paging.size,
                    found.total(), paging.totalPages(found.total()));
        }
    }
}
