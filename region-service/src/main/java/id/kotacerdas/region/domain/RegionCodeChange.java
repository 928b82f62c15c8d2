package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A Kemendagri code that was replaced, e.g. Kabupaten Merauke 91.01 → 93.01 (Papua Selatan, 2022). */
@Entity
@Immutable
@Table(name = "region_code_change")
public class RegionCodeChange {

    @Id
    @Column(name = "old_code")
    public String oldCode;

    @Column(name = "new_code")
    public String newCode;

    public String name;

    @Column(name = "old_province_code")
    public String oldProvinceCode;

    @Column(name = "new_province_code")
    public String newProvinceCode;

    @Column(name = "legal_basis")
    public String legalBasis;
}
