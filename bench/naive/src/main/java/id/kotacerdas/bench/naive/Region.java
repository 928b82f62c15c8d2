package id.kotacerdas.bench.naive;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** region-service's region table, mapped the plain way (public fields, Panache active record). */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    public String name;
    @Column(name = "region_group")
    public String regionGroup;
    public boolean administrative;
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
}
