package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The facts a region keeps about itself; one per region, versioned for optimistic concurrency. */
@Entity
@Table(name = "region_profile")
public class RegionProfile {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Version
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    public ProfileDocument data;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
