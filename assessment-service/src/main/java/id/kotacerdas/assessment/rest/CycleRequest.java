package id.kotacerdas.assessment.rest;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cycle's plan, as the ministry sends it (create and replace). */
@Schema(name = "AssessmentCyclePlan", description = "A cycle's plan: years, framework version, schedule and quotas.")
public record CycleRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Asesmen Gerakan Menuju Smart City 2022") String name,
        @NotNull @Min(2000) @Max(2100) @Schema(description = "The year the assessment takes place.", examples = "2022")
        Integer assessmentYear,
        @NotNull @Min(2000) @Max(2100)
        @Schema(description = "The cohort's programme year: the assessment year or the year after (assessed 2021 → cohort 2022).", examples = "2023")
        Integer programmeYear,
        @NotNull @Valid FrameworkRef framework,
        @NotNull @Valid ScheduleBody schedule,
        @NotNull @Valid QuotasBody quotas) {

    @Schema(name = "FrameworkRef", description = "A published framework version.")
    public record FrameworkRef(
            @NotBlank @Size(max = 50) @Pattern(regexp = FrameworkDocument.CODE, message = "must be a framework code")
            @Schema(examples = "kominfo-readiness") String code,
            @NotNull @Min(1) @Max(1000) @Schema(examples = "2") Integer version) {
    }

    @Schema(name = "AssessmentSchedule", description = """
            When the steps happen. Submissions after `selfAssessmentDeadline` (an instant with its offset, e.g. WIB \
            +07:00) are refused; interview and presentation days are not before the deadline's day.""")
    public record ScheduleBody(
            @NotNull @Schema(description = "The day the invitations go out (`invitationDate` is accepted as its old name).", examples = "2022-01-10")
            @JsonAlias("invitationDate") LocalDate invitedOn,
            @NotNull @Schema(examples = "2022-02-15T23:59:59+07:00") OffsetDateTime selfAssessmentDeadline,
            @Size(max = 10) @Schema(examples = "[\"2022-02-21\"]") List<@NotNull LocalDate> interviewDays,
            @Size(max = 10) @Schema(examples = "[\"2022-02-22\"]") List<@NotNull LocalDate> presentationDays) {
    }

    @Schema(name = "AssessmentQuotas", description = "Seats per track; optionally at most so many kabupaten/kota of one province.")
    public record QuotasBody(
            @NotNull @Min(0) @Max(514) @Schema(examples = "50") Integer kabKotaSeats,
            @NotNull @Min(0) @Max(38) @Schema(examples = "2") Integer provinceSeats,
            @Min(1) @Max(514) @Schema(description = "Absent: no limit per province.", examples = "5") Integer maxPerProvince) {
    }
}
