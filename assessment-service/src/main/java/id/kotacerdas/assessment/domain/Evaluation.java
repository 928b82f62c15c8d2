package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A region's published evaluation result of one year: the index, the five dimension scores, the six pillar scores,
 * the national rank and the rank within its province, the programmes per pillar, and its result letter. Either
 * {@link Source#COMPUTED} by the publication of an evaluation cycle here, or {@link Source#RECORDED} from the figures
 * a past year published (index and dimensions; pillars, ranks and letter when known; no indicator detail), with the
 * source they come from. One per region and year; the region's history is its results, year by year.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    /** Where the figures come from. */
    public enum Source {
        /** Computed here from the assessors' scores by the cycle's framework. */
        COMPUTED,
        /** Recorded from a past year's published figures, without indicator detail. */
        RECORDED
    }

    @Id
    public UUID id;

    public int year;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "region_name")
    public String regionName;

    /** PROVINCE, KABUPATEN or KOTA. */
    @Column(name = "region_level")
    public String regionLevel;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "province_name")
    public String provinceName;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "framework_code")
    public String frameworkCode;

    @Column(name = "framework_version")
    public Integer frameworkVersion;

    @Column(name = "index_score")
    public BigDecimal index;

    /** Score per {@link EvaluationDimension} name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> dimensions;

    /** Score per {@link Pillar} name; {@code null} when recorded without pillar figures. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> pillars;

    /** Programmes per {@link Pillar} name; {@code null} when not reported. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> programmes;

    @Column(name = "national_rank")
    public Integer nationalRank;

    /** How many regions the national rank is among. */
    @Column(name = "ranked_nationally")
    public Integer rankedNationally;

    @Column(name = "provincial_rank")
    public Integer provincialRank;

    @Column(name = "ranked_in_province")
    public Integer rankedInProvince;

    @Column(name = "letter_number")
    public String letterNumber;

    @Column(name = "letter_year")
    public Integer letterYear;

    @Column(name = "letter_seq")
    public Integer letterSeq;

    @Column(name = "letter_date")
    public LocalDate letterDate;

    @Column(name = "source_title")
    public String sourceTitle;

    @Column(name = "source_url")
    public String sourceUrl;

    public String note;

    /** Where a RECORDED result comes from (at least one); {@code null} for a COMPUTED one. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Sources sources;

    /** The sources, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level arrays). */
    public record Sources(List<id.kotacerdas.platform.record.Source> items) {
        public Sources {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The sources of a recorded result (empty for a computed one). */
    public List<id.kotacerdas.platform.record.Source> sourceList() {
        return sources == null ? List.of() : sources.items();
    }

    /** Sets the sources; {@link #sourceTitle} and {@link #sourceUrl} keep the first, for the older reads. */
    public void setSources(List<id.kotacerdas.platform.record.Source> list) {
        sources = list == null || list.isEmpty() ? null : new Sources(list);
        sourceTitle = list == null || list.isEmpty() ? null : list.get(0).title();
        sourceUrl = list == null || list.isEmpty() ? null : list.get(0).url();
    }

    /** 1 as recorded or computed, + 1 with each correction or withdrawal (the ETag). */
    public int revision = 1;

    /** When, by whom, why and from which sources the current revision was made; null at revision 1. */
    @Column(name = "revised_at")
    public OffsetDateTime revisedAt;

    @Column(name = "revised_by")
    public String revisedBy;

    @Column(name = "revision_reason")
    public String revisionReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "revision_sources")
    public Sources revisionSources;

    /** When the result was withdrawn; {@code null} while it stands. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "withdrawal_sources")
    public Sources withdrawalSources;

    /** The result's revision: 1 as recorded or computed, + 1 with each correction or withdrawal. */
    public int revisionNumber() {
        return revision;
    }

    /**
     * Whether the ministry may correct or withdraw this result here: only a RECORDED one that stands. A LIVE result
     * of a published cycle is the cycle's ({@link StateConflictException} saying so); a withdrawn one is final.
     */
    public void requireCorrectable(String act) {
        if (source == Source.COMPUTED) {
            throw new StateConflictException("LIVE", "The result " + id + " of " + regionCode + " " + year
                    + " is LIVE: computed by the publication of evaluation cycle " + cycleId
                    + "; it is not " + act + " here (only RECORDED results are).");
        }
        if (withdrawnAt != null) {
            throw new StateConflictException("WITHDRAWN", "The result " + id + " of " + regionCode + " " + year
                    + " was withdrawn on " + withdrawnAt + "; a withdrawn result is not " + act + ".");
        }
    }

    /** Withdraws the result (a new revision). */
    public void withdraw(String reason, List<id.kotacerdas.platform.record.Source> list, String by, OffsetDateTime at) {
        requireCorrectable("withdrawn");
        revision++;
        withdrawnAt = at;
        withdrawnBy = by;
        withdrawalReason = reason;
        withdrawalSources = list == null || list.isEmpty() ? null : new Sources(list);
        revisedAt = at;
        revisedBy = by;
        revisionReason = reason;
        revisionSources = withdrawalSources;
    }

    /** Marks a correction (a new revision); the caller has set the changed fields. */
    public void corrected(String reason, List<id.kotacerdas.platform.record.Source> list, String by, OffsetDateTime at) {
        revision++;
        revisedAt = at;
        revisedBy = by;
        revisionReason = reason;
        revisionSources = list == null || list.isEmpty() ? null : new Sources(list);
    }

    /** LIVE when computed by a cycle's publication here, RECORDED when recorded from its sources. */
    public Origin origin() {
        return source == Source.COMPUTED ? Origin.LIVE : Origin.RECORDED;
    }

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The day the publication (or, recorded, the published result) happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "published_on")
    public LocalDate publishedOn;

    /** The precision of {@link #publishedOn}: DAY, MONTH or YEAR. */
    @Column(name = "published_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision publishedPrecision;

    /** The date the publication (or, recorded, the published result) happened as its write gave it; null when it happened when it was recorded. */
    public Occurred publishedOccurred() {
        return Occurred.stored(publishedOn, publishedPrecision);
    }

    public void setPublishedOccurred(Occurred occurred) {
        publishedOn = Occurred.firstDayOf(occurred);
        publishedPrecision = Occurred.precisionOf(occurred);
    }

    @Column(name = "published_by")
    public String publishedBy;

    /** The dimension scores in the dimensions' order. */
    public Map<EvaluationDimension, BigDecimal> dimensionScores() {
        Map<EvaluationDimension, BigDecimal> out = new EnumMap<>(EvaluationDimension.class);
        if (dimensions != null) {
            dimensions.forEach((k, v) -> out.put(EvaluationDimension.valueOf(k), twoDecimals(v)));
        }
        return out;
    }

    /** The pillar scores in the pillars' order; {@code null} when not known. */
    public Map<Pillar, BigDecimal> pillarScores() {
        if (pillars == null) {
            return null;
        }
        Map<Pillar, BigDecimal> out = new EnumMap<>(Pillar.class);
        pillars.forEach((k, v) -> out.put(Pillar.valueOf(k), twoDecimals(v)));
        return out;
    }

    /** The programmes per pillar in the pillars' order; {@code null} when not reported. */
    public Map<Pillar, Integer> programmeCounts() {
        if (programmes == null) {
            return null;
        }
        Map<Pillar, Integer> out = new EnumMap<>(Pillar.class);
        programmes.forEach((k, v) -> out.put(Pillar.valueOf(k), v));
        return out;
    }

    /** The published figures have two decimals (JSON may have dropped trailing zeros). */
    static BigDecimal twoDecimals(BigDecimal v) {
        return v == null ? null : v.setScale(ScoreCalculator.DECIMALS, ScoreCalculator.ROUNDING);
    }

    public void setLetter(ResultLetterNumber number, LocalDate date) {
        letterNumber = number.toString();
        letterYear = number.year();
        letterSeq = number.sequence();
        letterDate = date;
    }
}
