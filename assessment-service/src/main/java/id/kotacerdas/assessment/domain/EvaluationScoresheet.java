package id.kotacerdas.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assessor's scores of one region due in an evaluation cycle, after its interview ({@link AssessorSheet}). */
@Entity
@Table(name = "evaluation_scoresheet")
public class EvaluationScoresheet extends AssessorSheet {

    public static EvaluationScoresheet of(UUID cycleId, String regionCode, String subject, String username, Content content,
            FrameworkContent framework, OffsetDateTime at) {
        EvaluationScoresheet sheet = new EvaluationScoresheet();
        sheet.init(cycleId, regionCode, subject, username, content, framework, at);
        return sheet;
    }
}
