package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The confirmed selection of a cycle: one per cycle, with an entry per invited region that did not decline. What
 * the later steps of the programme refer to: the {@code RegionSelected} events carry its id, and a result letter
 * ("Penyampaian Hasil Asesmen") lists its selected entries.
 */
@Entity
@Table(name = "selection")
public class Selection {

    @Id
    public UUID id;

    @Column(name = "cycle_id")
    public UUID cycleId;

    @Column(name = "programme_year")
    public int programmeYear;

    @Column(name = "framework_code")
    public String frameworkCode;

    @Column(name = "framework_version")
    public int frameworkVersion;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    /** The day the selection happened when it was recorded after the fact (first possible day); null: at the recording. */
    @Column(name = "selected_on")
    public LocalDate selectedOn;

    /** The precision of {@link #selectedOn}: DAY, MONTH or YEAR. */
    @Column(name = "selected_precision")
    @Enumerated(EnumType.STRING)
    public Occurred.Precision selectedPrecision;

    /** The date the selection happened as its write gave it; null when it happened when it was recorded. */
    public Occurred selectedOccurred() {
        return Occurred.stored(selectedOn, selectedPrecision);
    }

    public void setSelectedOccurred(Occurred occurred) {
        selectedOn = Occurred.firstDayOf(occurred);
        selectedPrecision = Occurred.precisionOf(occurred);
    }
}
