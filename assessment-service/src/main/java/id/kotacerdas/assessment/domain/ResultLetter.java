package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import id.kotacerdas.platform.record.Origin;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A "Penyampaian Hasil Asesmen" letter of the Direktur Jenderal Aplikasi Informatika: its number
 * ({@link ResultLetterNumber}), its date, and the selected regions of a cycle's confirmed selection as they were when
 * the letter was issued. Issued here (the next number of the year) or recorded with the number it already has.
 */
@Entity
@Table(name = "result_letter")
public class ResultLetter {

    @Id
    public UUID id;

    public String number;

    @Column(name = "number_year")
    public int numberYear;

    @Column(name = "number_seq")
    public int numberSeq;

    @Column(name = "letter_date")
    public LocalDate letterDate;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "selection_id")
    public UUID selectionId;

    @Column(name = "programme_year")
    public int programmeYear;

    @JdbcTypeCode(SqlTypes.JSON)
    public Regions regions;

    /** Recorded with an existing number (true) or issued here with the next number of the year (false). */
    public boolean recorded;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** LIVE: a letter of a cycle here; RECORDED: a letter recorded on its own from its sources (no cycle). */
    @Enumerated(EnumType.STRING)
    public Origin origin = Origin.LIVE;

    /** The sources of a RECORDED letter. */
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList sources;

    /** 1 when issued or recorded; + 1 with each correction or withdrawal. */
    public int revision = 1;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    /** The sources of a withdrawal (required for a RECORDED letter; possibly empty for a LIVE one). */
    @Column(name = "withdrawal_sources")
    @JdbcTypeCode(SqlTypes.JSON)
    public SourceList withdrawalSources;

    /** A withdrawn letter stays readable by id but leaves the lists. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** A selected region as listed in the letter. */
    public record Region(String regionCode, String regionName, String provinceCode, Track track) {
    }

    /** The listed regions, stored as one JSON object (Hibernate Reactive binds JSON objects, not top-level arrays). */
    public record Regions(List<Region> items) {
        public Regions {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
