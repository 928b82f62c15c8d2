package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A region's derived programme stage ({@link StageDerivation}), kept so the region list can filter by it. */
@Entity
@Table(name = "region_programme")
public class RegionProgramme {

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public ProgrammeStage stage;

    @Column(name = "stage_year")
    public Integer stageYear;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** One programme year a region took part in. */
    @Entity(name = "RegionProgrammeYear")
    @Table(name = "region_programme_year")
    public static class Year {
        @EmbeddedId
        public Key id;

        public Year() {
        }

        public Year(String regionCode, int programmeYear) {
            this.id = new Key(regionCode, programmeYear);
        }
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "region_code")
        public String regionCode;
        @Column(name = "programme_year")
        public int programmeYear;

        public Key() {
        }

        public Key(String regionCode, int programmeYear) {
            this.regionCode = regionCode;
            this.programmeYear = programmeYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.programmeYear == programmeYear && Objects.equals(k.regionCode, regionCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(regionCode, programmeYear);
        }
    }
}
