package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The decision of a confirmed selection for one region: selected or not, why, and its earlier cohorts. */
@Entity
@Table(name = "selection_entry")
public class SelectionEntry {

    @Id
    public UUID id;

    @Column(name = "selection_id")
    public UUID selectionId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    @Column(name = "province_code")
    public String provinceCode;

    @Enumerated(EnumType.STRING)
    public Track track;

    /** Rank within the track; {@code null} for a region that was never scored. */
    public Integer rank;

    /** The published score (2 decimals); {@code null} for a region that was never scored. */
    public BigDecimal score;

    @Enumerated(EnumType.STRING)
    public SelectionOutcome outcome;

    public boolean selected;

    public String reason;

    /** The earlier cohorts of a selected region ({@link EarlierCohorts}); empty for a first-time participant. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "repeat_of")
    public Cohorts repeatOf;

    /** Earlier cohorts, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level arrays). */
    public record Cohorts(List<EarlierCohort> items) {
        public Cohorts {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public List<EarlierCohort> earlierCohorts() {
        return repeatOf == null ? List.of() : repeatOf.items();
    }
}
