package id.kotacerdas.region.domain;

import id.kotacerdas.platform.security.Visibility;
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

    /** The stage as integrators see it (public facts and signed MoUs). */
    @Enumerated(EnumType.STRING)
    @Column(name = "integrator_stage")
    public ProgrammeStage integratorStage;

    @Column(name = "integrator_stage_year")
    public Integer integratorStageYear;

    /** The stage as everyone sees it (public facts only): what another region's officer sees. */
    @Enumerated(EnumType.STRING)
    @Column(name = "public_stage")
    public ProgrammeStage publicStage;

    @Column(name = "public_stage_year")
    public Integer publicStageYear;

    /** The stage and its year as this audience sees it. */
    public ProgrammeStage stageFor(Visibility.Audience audience) {
        return switch (audience) {
            case STAFF -> stage;
            case INTEGRATORS -> integratorStage;
            case PUBLIC -> publicStage;
        };
    }

    public Integer stageYearFor(Visibility.Audience audience) {
        return switch (audience) {
            case STAFF -> stageYear;
            case INTEGRATORS -> integratorStageYear;
            case PUBLIC -> publicStageYear;
        };
    }

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** An audience's rank: a reader of rank r sees what audiences of rank <= r see (public 0, integrators 1, staff 2). */
    public static int rank(Visibility.Audience audience) {
        return switch (audience) {
            case PUBLIC -> 0;
            case INTEGRATORS -> 1;
            case STAFF -> 2;
        };
    }

    /** One programme year a region took part in. */
    @Entity(name = "RegionProgrammeYear")
    @Table(name = "region_programme_year")
    public static class Year {
        @EmbeddedId
        public Key id;

        public Year() {
        }

        /** The widest audience that sees this year: 0 public, 1 integrators, 2 staff ({@link #rank}). */
        @Column(name = "audience_rank")
        public int audienceRank;

        public Year(String regionCode, int programmeYear, int audienceRank) {
            this.id = new Key(regionCode, programmeYear);
            this.audienceRank = audienceRank;
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
