package id.kotacerdas.platform.audit;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names the audit operations of {@link AuditEntriesResource} after the service that serves them
 * ({@code /api/v1/audit/region-service}: {@code listRegionServiceAuditEntries}, {@code getRegionServiceAuditEntry}):
 * every service has the same two operations, and the gateway merges their documents into one, where operation ids
 * must stay unique.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AuditOperationIds implements OASFilter {

    static final String LIST = "listAuditEntries";
    static final String GET = "getAuditEntry";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith(AuditEntriesResource.PATH_PREFIX) || item.getOperations() == null) {
                return;
            }
            String service = path.substring(AuditEntriesResource.PATH_PREFIX.length()).split("/")[0];
            for (Operation operation : item.getOperations().values()) {
                if (LIST.equals(operation.getOperationId())) {
                    operation.setOperationId("list" + pascal(service) + "AuditEntries");
                } else if (GET.equals(operation.getOperationId())) {
                    operation.setOperationId("get" + pascal(service) + "AuditEntry");
                }
            }
        });
    }

    /** {@code region-service} → {@code RegionService}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
