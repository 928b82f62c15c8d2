package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.CycleState;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentCycle", description = "A year's assessment with its plan and state.")
public record CycleView(
        UUID id,
        @Schema(examples = "Asesmen Gerakan Menuju Smart City 2022") String name,
        @Schema(examples = "2022") int assessmentYear,
        @Schema(examples = "2023") int programmeYear,
        CycleRequest.FrameworkRef framework,
        CycleRequest.ScheduleBody schedule,
        CycleRequest.QuotasBody quotas,
        @Schema(description = "DRAFT → INVITING → SELF_ASSESSMENT → INTERVIEWS → SCORING → SELECTED → CLOSED.") CycleState state,
        @Schema(description = "The one state the cycle can move to next; absent when CLOSED.") CycleState nextState,
        @Schema(description = "Revision, also the ETag; send it in `If-Match`.", examples = "2") long revision,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy) {

    @Schema(name = "AssessmentCyclePage", description = "One page of cycles, newest assessment year first.")
    public record Page(List<CycleView> items, int page, int size, long total) {
    }

    @Schema(name = "CycleTransition", description = "The state to move the cycle to: the next one.")
    public record Transition(@jakarta.validation.constraints.NotNull @Schema(examples = "INVITING") CycleState state) {
    }
}
