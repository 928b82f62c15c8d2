package id.kotacerdas.platform.registry;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code region-registry}: DOWN until the replica holds every record of the newest registry version
 * it has seen. It reads only the replica, so a Kafka outage after the registry arrived leaves the service ready.
 */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements AsyncHealthCheck {

    public static final String NAME = "region-registry";

    @Inject
    RegionRegistry registry;

    @Override
    public Uni<HealthCheckResponse> call() {
        return registry.status()
                .map(status -> HealthCheckResponse.named(NAME).status(status.complete())
                        .withData("version", status.version())
                        .withData("size", status.size())
                        .withData("held", status.held())
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
