package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.web.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region due in an evaluation cycle, with what the registry said of it (name, level, province) when it became due
 * there, why it is due ({@link DueBasis}), and its self-assessment: answers with evidence per indicator (the same
 * {@link Answer}s and rules as a readiness self-assessment) and its smart city programmes per pillar, a draft until its
 * one submission. Assessors may score a region whether or not it submitted (the interview is the evaluation).
 */
@Entity
@Table(name = "evaluation_region")
public class EvaluationRegion {

    @Id
    public UUID id;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    /** PROVINCE, KABUPATEN or KOTA. */
    @Column(name = "region_level")
    public String regionLevel;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "province_name")
    public String provinceName;

    @Enumerated(EnumType.STRING)
    public DueBasis basis;

    /** The first evaluation year the basis made it due in; {@code null} when added by hand. */
    @Column(name = "due_from_year")
    public Integer dueFromYear;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    @Column(name = "added_by")
    public String addedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "self_assessment_status")
    public SelfAssessmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "answers")
    public SelfAssessment.Answers answerSet;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "programmes")
    public Programmes programmeSet;

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

    /** A smart city programme the region runs under a pillar. */
    public record Programme(Pillar pillar, String name) {
    }

    /** The programmes, stored as one JSON object. */
    public record Programmes(List<Programme> items) {
        public Programmes {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public static EvaluationRegion due(UUID cycleId, String code, String name, String level, String provinceCode,
            String provinceName, DueBasis basis, Integer dueFromYear, String by, OffsetDateTime at) {
        EvaluationRegion r = new EvaluationRegion();
        r.id = UUID.randomUUID();
        r.cycleId = cycleId;
        r.regionCode = code;
        r.regionName = name;
        r.regionLevel = level;
        r.provinceCode = provinceCode;
        r.provinceName = provinceName;
        r.basis = basis;
        r.dueFromYear = dueFromYear;
        r.addedAt = at;
        r.addedBy = by;
        r.status = SelfAssessmentStatus.DRAFT;
        r.answerSet = new SelfAssessment.Answers(List.of());
        r.programmeSet = new Programmes(List.of());
        r.updatedAt = at;
        r.updatedBy = by;
        return r;
    }

    public List<Answer> answers() {
        return answerSet == null ? List.of() : answerSet.items();
    }

    public List<Programme> programmes() {
        return programmeSet == null ? List.of() : programmeSet.items();
    }

    public boolean submitted() {
        return status == SelfAssessmentStatus.SUBMITTED;
    }

    /** The number of programmes per pillar the region reported, every pillar listed; {@code null} before submission. */
    public Map<Pillar, Integer> programmeCounts() {
        if (!submitted()) {
            return null;
        }
        Map<Pillar, Integer> counts = new EnumMap<>(Pillar.class);
        for (Pillar p : Pillar.values()) {
            counts.put(p, 0);
        }
        programmes().forEach(p -> counts.merge(p.pillar(), 1, Integer::sum));
        return counts;
    }

    /** Replaces the draft (answers checked against the framework); returns whether anything changed. */
    public boolean saveDraft(List<Answer> answers, List<Programme> programmes, FrameworkContent framework, String by,
            OffsetDateTime at) {
        requireDraft();
        List<Violation> violations = new ArrayList<>(SelfAssessment.check(answers, framework));
        for (int i = 0; i < programmes.size(); i++) {
            if (programmes.get(i).pillar() == null) {
                violations.add(new Violation("programmes[" + i + "].pillar", "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (answers.equals(answers()) && programmes.equals(programmes())) {
            return false;
        }
        answerSet = new SelfAssessment.Answers(answers);
        programmeSet = new Programmes(programmes);
        updatedAt = at;
        updatedBy = by;
        return true;
    }

    public void submit(String by, OffsetDateTime at) {
        requireDraft();
        status = SelfAssessmentStatus.SUBMITTED;
        submittedAt = at;
        submittedBy = by;
        updatedAt = at;
        updatedBy = by;
    }

    private void requireDraft() {
        if (submitted()) {
            throw new StateConflictException(status.name(), "The self-assessment of " + regionCode
                    + " is SUBMITTED (on " + submittedAt + ") and read-only.");
        }
    }
}
