package id.kotacerdas.region.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.annotations.Immutable;

/** A province or kabupaten/kota, keyed by its Kemendagri code. Reference data, loaded by migrations. */
@Entity
@Immutable
@Table(name = "region")
public class Region {

    /** A Kemendagri code: {@code PP} for a province, {@code PP.KK} for a kabupaten/kota. */
    public static final String CODE_REGEX = "\\d{2}(\\.\\d{2})?";
    public static final Pattern CODE = Pattern.compile(CODE_REGEX);

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    public String name;

    @Column(name = "region_group")
    public String regionGroup;

    public boolean administrative;

    /** Alternative spellings in common use, separated by {@code |}; see {@link #altNameList()}. */
    @Column(name = "alt_names")
    public String altNames;

    @Column(name = "district_count")
    public int districtCount;

    @Column(name = "kelurahan_count")
    public int kelurahanCount;

    @Column(name = "desa_count")
    public int desaCount;

    @Column(name = "area_km2")
    public BigDecimal areaKm2;

    public long population;

    @Column(name = "population_male")
    public long populationMale;

    @Column(name = "population_female")
    public long populationFemale;

    @Column(name = "island_count")
    public int islandCount;

    public BigDecimal lat;

    public BigDecimal lng;

    /** Normalised name and alternative spellings, {@code |}-separated, for search (see kc_normalize). */
    @Column(name = "search_text")
    public String searchText;

    public List<String> altNameList() {
        return altNames == null || altNames.isEmpty() ? List.of() : List.of(altNames.split("\\|"));
    }

    /** Autonomous regions (daerah otonom) have a DPRD and an RPJMD; Jakarta's six units do not. */
    public boolean autonomous() {
        return !administrative;
    }
}
