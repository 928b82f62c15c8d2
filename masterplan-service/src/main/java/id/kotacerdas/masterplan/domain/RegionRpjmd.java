package id.kotacerdas.masterplan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The RPJMD periods of one region as its newest profile event said (region-service's {@code RegionProfileCreated} /
 * {@code RegionProfileUpdated}): all this service keeps of another service's data, to check roadmaps against.
 */
@Entity
@Table(name = "region_rpjmd")
public class RegionRpjmd {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    /** The profile version the periods are from: an older version arriving late changes nothing. */
    @Column(name = "profile_version")
    public long profileVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public Periods periods;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "event_id")
    public String eventId;

    /**
     * The periods, oldest first, as {@code {"items": [...]}} (JSON columns hold objects: Hibernate Reactive binds
     * them as Vert.x {@code JsonObject}s).
     */
    public record Periods(List<Alignment.RpjmdPeriod> items) {

        public List<Alignment.RpjmdPeriod> items() {
            return items == null ? List.of() : items;
        }
    }
}
