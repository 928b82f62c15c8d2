package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The dossier's small projections: the latest state of one MoU, masterplan or evaluation, from its events. The
 * {@code details} are the merged event payloads (a later event's fields replace an earlier one's), so the dossier
 * shows what the producers said without region-service asking them.
 */
public final class ProgrammeProjection {

    private ProgrammeProjection() {
    }

    /** An MoU (agreement-service), by MoU id. */
    @Entity(name = "ProgrammeMou")
    @Table(name = "programme_mou")
    public static class Mou {
        @Id
        @Column(name = "mou_id")
        public UUID mouId;
        @Column(name = "region_code")
        public String regionCode;
        @Column(name = "programme_year")
        public Integer programmeYear;
        /** DRAFT, SCHEDULED, SIGNED, EXPIRED, TERMINATED, WITHDRAWN (agreement-service's lifecycle). */
        public String state;
        @JdbcTypeCode(SqlTypes.JSON)
        public Map<String, Object> details;
        @Column(name = "last_event_time")
        public OffsetDateTime lastEventTime;
        @Column(name = "last_event_id")
        public String lastEventId;
    }

    /** A masterplan (masterplan-service), by masterplan id. */
    @Entity(name = "ProgrammeMasterplan")
    @Table(name = "programme_masterplan")
    public static class Masterplan {
        @Id
        @Column(name = "masterplan_id")
        public UUID masterplanId;
        @Column(name = "region_code")
        public String regionCode;
        @Column(name = "programme_year")
        public Integer programmeYear;
        /** OPENED, SUBMITTED, REVISION_REQUESTED, APPROVED, RATIFIED. */
        public String state;
        @JdbcTypeCode(SqlTypes.JSON)
        public Map<String, Object> details;
        @Column(name = "last_event_time")
        public OffsetDateTime lastEventTime;
        @Column(name = "last_event_id")
        public String lastEventId;
    }

    /** A published evaluation (monev), by evaluation id. */
    @Entity(name = "ProgrammeEvaluation")
    @Table(name = "programme_evaluation")
    public static class Evaluation {
        @Id
        @Column(name = "evaluation_id")
        public UUID evaluationId;
        @Column(name = "region_code")
        public String regionCode;
        @Column(name = "evaluation_year")
        public int evaluationYear;
        @JdbcTypeCode(SqlTypes.JSON)
        public Map<String, Object> details;
        @Column(name = "last_event_time")
        public OffsetDateTime lastEventTime;
        @Column(name = "last_event_id")
        public String lastEventId;
    }
}
