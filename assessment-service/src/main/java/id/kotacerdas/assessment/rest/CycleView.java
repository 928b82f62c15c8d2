package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.AssessmentCancellation;
import id.kotacerdas.assessment.domain.CycleState;
import id.kotacerdas.platform.web.ProblemException;
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
        @Schema(description = "DRAFT → INVITING → SELF_ASSESSMENT → INTERVIEWS → SCORING → SELECTED → CLOSED; CANCELLED (with a reason) from any state before SELECTED.") CycleState state,
        @Schema(description = "The one state the cycle can move to next; absent when CLOSED or CANCELLED.") CycleState nextState,
        @Schema(description = "Revision, also the ETag; send it in `If-Match`.", examples = "2") long revision,
        OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt, String updatedBy,
        @Schema(description = "Set when the cycle was cancelled (state CANCELLED); absent otherwise.") Cancellation cancellation) {

    @Schema(name = "AssessmentCancellation", description = "When, by whom and why a cycle or an invitation was cancelled.")
    public record Cancellation(OffsetDateTime at, @Schema(examples = "ministry") String by,
            @Schema(examples = "Opened with the wrong framework version; the assessment runs in a new cycle") String reason) {

        static Cancellation of(OffsetDateTime at, String by, String reason) {
            return at == null ? null : new Cancellation(at, by, reason);
        }
    }

    @Schema(name = "AssessmentCancellationRequest", description = "Why the cycle or the invitation is cancelled.",
            requiredProperties = "reason")
    public record CancellationRequest(@Schema(description = "Why, in a sentence (at most 2000 characters).",
            maxLength = AssessmentCancellation.MAX_REASON, minLength = 1,
            examples = "Opened with the wrong framework version; the assessment runs in a new cycle") String reason) {

        /** The reason, stripped; a {@code 400} naming {@code reason} when it is missing, blank or too long. */
        String checked() {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.badRequest("reason", "is required");
            }
            String stripped = reason.strip();
            if (stripped.length() > AssessmentCancellation.MAX_REASON) {
                throw ProblemException.badRequest("reason", "must be at most " + AssessmentCancellation.MAX_REASON
                        + " characters");
            }
            return stripped;
        }
    }

    @Schema(name = "AssessmentCyclePage", description = "One page of cycles (by default newest assessment year first).")
    public record Page(List<CycleView> items, int page, int size, long total, long totalPages) {
    }

    @Schema(name = "CycleTransition", description = "The state to move the cycle to: the next one.")
    public record Transition(@jakarta.validation.constraints.NotNull @Schema(examples = "INVITING") CycleState state) {
    }
}
