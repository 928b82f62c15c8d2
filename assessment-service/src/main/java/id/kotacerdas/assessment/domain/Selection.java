package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
}
