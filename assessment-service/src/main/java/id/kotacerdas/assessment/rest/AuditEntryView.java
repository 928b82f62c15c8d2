package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.platform.audit.AuditEntry;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentAuditEntry", description = "One recorded change: who, when, what, before and after.")
public record AuditEntryView(
        UUID id,
        @Schema(examples = "2026-11-23T09:02:11.123456Z") OffsetDateTime occurredAt,
        Actor actor,
        @Schema(examples = "SELF_ASSESSMENT_SUBMITTED") String action,
        @Schema(examples = "SelfAssessment") String resourceType,
        @Schema(examples = "0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10/18.72") String resourceId,
        @Schema(type = SchemaType.OBJECT, description = "The state before the change; absent for creations.") JsonNode before,
        @Schema(type = SchemaType.OBJECT, description = "The state after the change.") JsonNode after,
        @Schema(description = "The request that made the change.") String requestId) {

    @Schema(name = "AssessmentAuditActor", description = "Who made the change.")
    public record Actor(String subject, @Schema(examples = "officer-metro") String username,
            @Schema(examples = "[\"region-officer\"]") List<String> roles) {
    }

    static AuditEntryView of(AuditEntry entry) {
        List<String> roles = entry.actorRoles.isEmpty() ? List.of() : Arrays.asList(entry.actorRoles.split(","));
        return new AuditEntryView(entry.id, entry.occurredAt, new Actor(entry.actorSubject, entry.actorUsername, roles),
                entry.action, entry.resourceType, entry.resourceId, entry.before, entry.after, entry.requestId);
    }

    static Page page(id.kotacerdas.assessment.service.AuditService.Page result, int page, int size) {
        return new Page(result.items().stream().map(AuditEntryView::of).toList(), page, size, result.total());
    }

    static final String PAGE_EXAMPLE = """
            {"items":[{"id":"9b2d6a3e-2f0e-4f43-a0b5-77c0f0a1d7aa","occurredAt":"2026-12-01T09:02:11.123456Z",\
            "actor":{"subject":"5d1c...","username":"officer-metro","roles":["region-officer"]},\
            "action":"SELF_ASSESSMENT_SUBMITTED","resourceType":"SelfAssessment",\
            "resourceId":"0b6f8a52-54a4-4a43-9d0c-1f4b5d9c2e10/18.72","before":{"status":"DRAFT"},"after":{"status":"SUBMITTED"},\
            "requestId":"6f1c0f7e-4a59-4c59-9d4e-2d1f6f0b2a11"}],"page":0,"size":20,"total":1}""";

    @Schema(name = "AssessmentAuditPage", description = "One page of audit entries, newest first.")
    public record Page(List<AuditEntryView> items, int page, int size, long total) {
    }
}
