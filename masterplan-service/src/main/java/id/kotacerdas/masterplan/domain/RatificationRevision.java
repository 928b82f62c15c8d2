package id.kotacerdas.masterplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An earlier value of a masterplan's ratification: the ratification as it stood at {@code revision}, and the change
 * that replaced it (a correction or the withdrawal): when, by whom, why, from which sources.
 */
@Entity
@Table(name = "ratification_revision")
public class RatificationRevision {

    @Id
    public UUID id;

    @Column(name = "masterplan_id")
    public UUID masterplanId;

    public int revision;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Sources sources;

    @JdbcTypeCode(SqlTypes.JSON)
    public Masterplan.Ratification value;

    /** The sources of the change (wrapped: JSON columns hold objects). */
    public record Sources(List<Masterplan.Source> items) {

        public List<Masterplan.Source> items() {
            return items == null ? List.of() : items;
        }
    }
}
