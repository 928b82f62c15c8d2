package id.kotacerdas.region.repository;

import id.kotacerdas.region.domain.RegionCodeChange;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RegionCodeChangeRepository implements PanacheRepositoryBase<RegionCodeChange, String> {
}
