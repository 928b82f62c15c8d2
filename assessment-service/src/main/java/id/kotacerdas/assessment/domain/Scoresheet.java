package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assessor's scores of one invited region in an assessment cycle ({@link AssessorSheet}). */
@Entity
@Table(name = "scoresheet")
public class Scoresheet extends AssessorSheet {

    /** The day the scoring happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "scored_on")
    public LocalDate scoredOn;

    /** The precision of {@link #scoredOn}: DAY, MONTH or YEAR. */
    @Column(name = "scored_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision scoredPrecision;

    /** The date the scoring happened as its write gave it; null when it happened when it was recorded. */
    public Occurred scoredOccurred() {
        return Occurred.stored(scoredOn, scoredPrecision);
    }

    public void setScoredOccurred(Occurred occurred) {
        scoredOn = Occurred.firstDayOf(occurred);
        scoredPrecision = Occurred.precisionOf(occurred);
    }

    public static Scoresheet of(UUID cycleId, String regionCode, String subject, String username, Content content,
            FrameworkContent framework, OffsetDateTime at) {
        Scoresheet sheet = new Scoresheet();
        sheet.init(cycleId, regionCode, subject, username, content, framework, at);
        return sheet;
    }
}
