package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One publication of the region registry: every region and every replaced code as a {@code RegionRegistered}
 * event, for one version of the reference data. The newest row says what consumers of the compacted registry topic
 * hold; {@link #decide} says whether the reference data as it is now must be published again.
 */
@Entity
@Table(name = "region_registry_publication")
public class RegistryPublication {

    /** What a start-up does with the reference data it finds. */
    public enum Decision {
        /** Nothing was published yet, or the data or its version changed since: publish every record. */
        PUBLISH,
        /** The newest publication has this version and these data: nothing to do. */
        ALREADY_PUBLISHED,
        /**
         * A newer version was published already (a database restored to older reference data): consumers keep the
         * newest version, so publishing this one would change nothing for them.
         */
        OLDER_THAN_PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "registry_version", nullable = false)
    public long registryVersion;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(nullable = false, length = 64)
    public String digest;

    @Column(name = "registry_size", nullable = false)
    public int registrySize;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    /** Whether data of {@code version} with {@code digest} must be published, given the newest publication. */
    public static Decision decide(RegistryPublication newest, long version, String digest) {
        if (newest == null) {
            return Decision.PUBLISH;
        }
        if (version < newest.registryVersion) {
            return Decision.OLDER_THAN_PUBLISHED;
        }
        if (version == newest.registryVersion && digest.equals(newest.digest)) {
            return Decision.ALREADY_PUBLISHED;
        }
        return Decision.PUBLISH;
    }
}
