package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.web.Violation;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One assessor's scores of one region in a cycle: a score on the framework's scale for every indicator, with notes
 * from the interview and from the regional head's presentation. Each assessor keeps one sheet per region and may
 * revise it while the cycle takes scores; the region's score per indicator is the mean over its sheets. What an
 * assessment cycle's {@link Scoresheet} and an evaluation cycle's {@link EvaluationScoresheet} share: each is stored
 * in its cycle kind's own table.
 */
@MappedSuperclass
public abstract class AssessorSheet {

    @Id
    public UUID id;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "assessor_subject")
    public String assessorSubject;

    @Column(name = "assessor_username")
    public String assessorUsername;

    /** The scores, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level arrays). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "scores")
    public Scores scoreSet;

    /** An assessor's scores, in the order given. */
    public record Scores(List<IndicatorScore> items) {
        public Scores {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    @Column(name = "interview_notes")
    public String interviewNotes;

    @Column(name = "presentation_notes")
    public String presentationNotes;

    @Version
    public long revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** What an assessor records. */
    public record Content(List<IndicatorScore> scores, String interviewNotes, String presentationNotes) {
        public Content {
            scores = scores == null ? List.of() : List.copyOf(scores);
        }
    }

    /** Fills a new sheet: the content checked against the framework. */
    protected void init(UUID cycleId, String regionCode, String subject, String username, Content content,
            FrameworkContent framework, OffsetDateTime at) {
        require(content, framework);
        id = UUID.randomUUID();
        this.cycleId = cycleId;
        this.regionCode = regionCode;
        assessorSubject = subject;
        assessorUsername = username;
        createdAt = at;
        apply(content, at);
    }

    public List<IndicatorScore> scores() {
        return scoreSet == null ? List.of() : scoreSet.items();
    }

    public Content content() {
        return new Content(scores(), interviewNotes, presentationNotes);
    }

    /** Replaces the sheet; returns whether anything changed. */
    public boolean revise(Content content, FrameworkContent framework, OffsetDateTime at) {
        require(content, framework);
        if (content.equals(content())) {
            return false;
        }
        apply(content, at);
        return true;
    }

    private void apply(Content content, OffsetDateTime at) {
        scoreSet = new Scores(content.scores());
        interviewNotes = content.interviewNotes();
        presentationNotes = content.presentationNotes();
        updatedAt = at;
    }

    /** Every indicator of the framework scored exactly once, each on its scale. */
    protected static void require(Content content, FrameworkContent framework) {
        List<Violation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < content.scores().size(); i++) {
            IndicatorScore score = content.scores().get(i);
            String path = "scores[" + i + "]";
            var indicator = framework.indicator(score.indicatorCode());
            if (indicator.isEmpty()) {
                out.add(new Violation(path + ".indicatorCode", "the framework has no indicator " + score.indicatorCode()));
                continue;
            }
            if (!seen.add(score.indicatorCode())) {
                out.add(new Violation(path + ".indicatorCode", "indicator " + score.indicatorCode() + " is scored twice"));
            }
            var scale = framework.scaleOf(indicator.get());
            if (!scale.contains(score.value())) {
                out.add(new Violation(path + ".value", "indicator " + score.indicatorCode() + " is scored on scale "
                        + scale.id() + " from " + scale.min().stripTrailingZeros().toPlainString() + " to "
                        + scale.max().stripTrailingZeros().toPlainString() + "; "
                        + score.value().stripTrailingZeros().toPlainString() + " is outside it"));
            }
        }
        List<String> missing = framework.indicators().stream().map(FrameworkContent.Indicator::code)
                .filter(code -> !seen.contains(code)).toList();
        if (!missing.isEmpty()) {
            out.add(new Violation("scores", "every indicator must be scored; missing: " + String.join(", ", missing)));
        }
        if (!out.isEmpty()) {
            throw new RuleViolationException(out);
        }
    }
}
