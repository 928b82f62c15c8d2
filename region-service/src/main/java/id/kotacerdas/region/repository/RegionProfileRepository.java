package id.kotacerdas.region.repository;

import id.kotacerdas.region.domain.RegionProfile;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RegionProfileRepository implements PanacheRepositoryBase<RegionProfile, String> {
}
