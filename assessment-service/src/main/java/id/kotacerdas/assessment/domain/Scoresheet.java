package id.kotacerdas.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One assessor's scores of one invited region in an assessment cycle ({@link AssessorSheet}). */
@Entity
@Table(name = "scoresheet")
public class Scoresheet extends AssessorSheet {

    public static Scoresheet of(UUID cycleId, String regionCode, String subject, String username, Content content,
            FrameworkContent framework, OffsetDateTime at) {
        Scoresheet sheet = new Scoresheet();
        sheet.init(cycleId, regionCode, subject, username, content, framework, at);
        return sheet;
    }
}
