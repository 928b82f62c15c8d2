package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.Answer;
import id.kotacerdas.assessment.domain.SelfAssessment;
import id.kotacerdas.assessment.domain.SelfAssessmentStatus;
import id.kotacerdas.assessment.service.SelfAssessmentService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API types of self-assessments. */
public final class SelfAssessmentViews {

    private SelfAssessmentViews() {
    }

    @Schema(name = "SelfAssessmentDraft", description = "The region's answers: at most one per indicator of the cycle's framework.")
    public record Request(@NotNull @Size(max = 300) List<@NotNull @Valid AnswerBody> answers) {
    }

    @Schema(name = "SelfAssessmentAnswer", description = """
            A region's answer to one indicator: `value` is the level it claims (ORDINAL; YES_NO 0/1) or its \
            measurement (NUMERIC, PERCENTAGE 0–100), `text` explains it, `evidenceLinks` point to the evidence.""")
    public record AnswerBody(
            @NotBlank @Size(max = 30) @Schema(examples = "K4.1") String indicatorCode,
            @Digits(integer = 12, fraction = 4) @Schema(examples = "3") BigDecimal value,
            @Size(max = 4000) @Schema(examples = "Indeks SPBE 2021: 3.1 (KepmenPANRB 1503/2021).") String text,
            @Size(max = 20) @Schema(examples = "[\"https://metrokota.go.id/spbe-2021.pdf\"]")
            List<@NotNull @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String> evidenceLinks) {
    }

    @Schema(name = "SelfAssessmentAnswerView", description = "An answer, with the indicator's name and the level the answer points to.")
    public record AnswerView(String indicatorCode, String indicatorName, BigDecimal value, String text,
            List<String> evidenceLinks,
            @Schema(description = "The scale level the answer claims or whose thresholds hold the measurement.") BigDecimal selfAssessedLevel) {
    }

    @Schema(name = "SelfAssessment", description = "A region's self-assessment in a cycle: a DRAFT until its one submission, then read-only.")
    public record View(UUID cycleId, @Schema(examples = "18.72") String regionCode, @Schema(examples = "Kota Metro") String regionName,
            SelfAssessmentStatus status,
            @Schema(description = "Revision, also the ETag; send it in `If-Match`.") long revision,
            @Schema(description = "Submissions after it are refused.") OffsetDateTime selfAssessmentDeadline,
            @Schema(description = "How many indicators are answered, of how many.") int answeredIndicators, int indicators,
            List<AnswerView> answers, OffsetDateTime updatedAt, String updatedBy, OffsetDateTime submittedAt,
            String submittedBy,
            @Schema(description = "When the submission happened: " + ApiDocs.OCCURRED_OUT) Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN) Origin origin) {

        static View of(SelfAssessmentService.Current current) {
            SelfAssessment s = current.assessment();
            var framework = current.cycle().framework();
            List<AnswerView> answers = s.answers().stream().map(a -> new AnswerView(a.indicatorCode(),
                    framework.indicator(a.indicatorCode()).map(i -> i.name()).orElse(null), a.value(), a.text(),
                    a.evidenceLinks(), SelfAssessment.selfAssessedLevel(a, framework))).toList();
            return new View(s.cycleId, s.regionCode, current.invitation().regionName, s.status, s.revision,
                    current.cycle().cycle().schedule.selfAssessmentDeadline(), s.answers().size(),
                    framework.indicators().size(), answers, s.updatedAt, s.updatedBy, s.submittedAt, s.submittedBy,
                    s.submittedOccurred(), Origin.LIVE);
        }
    }

    @Schema(name = "SelfAssessmentSubmission", description = "Optional body of a submission recorded after the fact.")
    public record Submission(@Schema(description = ApiDocs.OCCURRED_IN + " Submitted not before the invitation; the "
            + "deadline judges this date.") Occurred occurred) {
    }

    static List<Answer> toAnswers(Request request) {
        return request.answers().stream().map(a -> new Answer(a.indicatorCode(), a.value(), a.text(), a.evidenceLinks()))
                .toList();
    }
}
