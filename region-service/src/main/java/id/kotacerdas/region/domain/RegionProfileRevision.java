package id.kotacerdas.region.domain;

import id.kotacerdas.platform.record.Source;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An earlier value of a region's profile, kept when a PUT or a correction replaced it (migration V10). */
@Entity
@Table(name = "region_profile_revision")
public class RegionProfileRevision {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "region_code")
        public String regionCode;
        @Column(name = "revision")
        public long revision;

        public Key() {
        }

        public Key(String regionCode, long revision) {
            this.regionCode = regionCode;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && Objects.equals(k.regionCode, regionCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(regionCode, revision);
        }
    }

    /** The sources of a correction, as stored ({@code {"items": [...]}}: the reactive client maps JSON to an object). */
    public record Sources(List<Source> items) {
    }

    @EmbeddedId
    public Key id;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProfileDocument value;

    @Column(name = "replaced_at")
    public OffsetDateTime replacedAt;

    @Column(name = "replaced_by")
    public String replacedBy;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public Sources sources;
}
