package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;

import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.FrameworkContent.Scale;
import id.kotacerdas.platform.web.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region's self-assessment in a cycle (the questionnaire): answers and evidence per indicator, saved as drafts
 * and submitted once, before the deadline; after submission it is read-only. Created empty with the invitation.
 */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment {

    /** The invitation's id. */
    @Id
    public UUID id;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public SelfAssessmentStatus status;

    /** The answers, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level arrays). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "answers")
    public Answers answerSet;

    /** The answers of a self-assessment, in the order given. */
    public record Answers(List<Answer> items) {
        public Answers {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @Version
    public long revision;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** The day the submission happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    /** The precision of {@link #submittedOn}: DAY, MONTH or YEAR. */
    @Column(name = "submitted_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision submittedPrecision;

    /** The date the submission happened as its write gave it; null when it happened when it was recorded. */
    public Occurred submittedOccurred() {
        return Occurred.stored(submittedOn, submittedPrecision);
    }

    public void setSubmittedOccurred(Occurred occurred) {
        submittedOn = Occurred.firstDayOf(occurred);
        submittedPrecision = Occurred.precisionOf(occurred);
    }

    public static SelfAssessment empty(Invitation invitation) {
        SelfAssessment s = new SelfAssessment();
        s.id = invitation.id;
        s.cycleId = invitation.cycleId;
        s.regionCode = invitation.regionCode;
        s.status = SelfAssessmentStatus.DRAFT;
        s.answerSet = new Answers(List.of());
        s.updatedAt = invitation.invitedAt;
        s.updatedBy = invitation.invitedBy;
        return s;
    }

    public List<Answer> answers() {
        return answerSet == null ? List.of() : answerSet.items();
    }

    public boolean submitted() {
        return status == SelfAssessmentStatus.SUBMITTED;
    }

    /** Replaces the draft's answers (each checked against the framework); returns whether anything changed. */
    public boolean saveDraft(List<Answer> newAnswers, FrameworkContent framework, Schedule schedule, String by,
            OffsetDateTime at) {
        requireOpen(schedule, null, at);
        List<Violation> violations = check(newAnswers, framework);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (newAnswers.equals(answers())) {
            return false;
        }
        answerSet = new Answers(newAnswers);
        updatedAt = at;
        updatedBy = by;
        return true;
    }

    /**
     * Submits: once, in time. Answers need not cover every indicator (assessors probe in the interview). A submission
     * recorded after the fact ({@code occurred}, already checked) is judged by its own date against the deadline.
     */
    public void submit(Schedule schedule, Occurred occurred, String by, OffsetDateTime at) {
        requireOpen(schedule, occurred, at);
        status = SelfAssessmentStatus.SUBMITTED;
        setSubmittedOccurred(occurred);
        submittedAt = at;
        submittedBy = by;
        updatedAt = at;
        updatedBy = by;
    }

    private void requireOpen(Schedule schedule, Occurred act, OffsetDateTime at) {
        if (submitted()) {
            throw new StateConflictException(status.name(), "The self-assessment of " + regionCode
                    + " is SUBMITTED (on " + submittedAt + ") and read-only.");
        }
        if (!ActDates.inTime(act, at, schedule.selfAssessmentDeadline())) {
            throw new RuleViolationException("selfAssessmentDeadline", "the deadline " + schedule.selfAssessmentDeadline()
                    + (act == null ? " has passed" : " had passed on " + act.date()));
        }
    }

    /** The answers' rules: known indicators, each once, values that fit the indicator. */
    public static List<Violation> check(List<Answer> answers, FrameworkContent framework) {
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String path = "answers[" + i + "]";
            var indicator = framework.indicator(answer.indicatorCode());
            if (indicator.isEmpty()) {
                out.add(new Violation(path + ".indicatorCode", "the framework has no indicator " + answer.indicatorCode()));
                continue;
            }
            if (!seen.add(answer.indicatorCode())) {
                out.add(new Violation(path + ".indicatorCode", "indicator " + answer.indicatorCode() + " is answered twice"));
            }
            if (answer.value() != null) {
                String problem = valueProblem(indicator.get(), framework.scaleOf(indicator.get()), answer.value());
                if (problem != null) {
                    out.add(new Violation(path + ".value", problem));
                }
            }
        }
        return out;
    }

    private static String valueProblem(Indicator indicator, Scale scale, BigDecimal value) {
        return switch (indicator.type()) {
            case ORDINAL, YES_NO -> scale.levels().stream().anyMatch(l -> l.value().compareTo(value) == 0) ? null
                    : "must be a level of the scale of indicator " + indicator.code() + ": " + scale.levels().stream()
                            .map(l -> l.value().stripTrailingZeros().toPlainString()).toList();
            case PERCENTAGE -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 ? null
                    : "must be a share between 0 and 100 for indicator " + indicator.code();
            case NUMERIC -> null;
        };
    }

    /** The level the region's own answer points to: the value itself, or the level whose thresholds hold it. */
    public static BigDecimal selfAssessedLevel(Answer answer, FrameworkContent framework) {
        if (answer.value() == null) {
            return null;
        }
        return framework.indicator(answer.indicatorCode()).map(indicator -> indicator.type().measured()
                ? framework.scaleOf(indicator).levelFor(answer.value()).map(FrameworkContent.ScaleLevel::value).orElse(null)
                : answer.value()).orElse(null);
    }
}
