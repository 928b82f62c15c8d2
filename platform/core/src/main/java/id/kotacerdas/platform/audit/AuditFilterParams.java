package id.kotacerdas.platform.audit;

import id.kotacerdas.platform.web.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of an audit trail read, as typed query parameters ({@code @Valid @BeanParam}): text is bounded, the
 * instants are ISO 8601 with an offset (a value that cannot be read is a {@code 400} naming it).
 */
public class AuditFilterParams {

    @QueryParam("resourceType")
    @Size(min = 1, max = 100)
    @Parameter(description = "Only changes to resources of this type.", example = "RegionProfile")
    public String resourceType;

    @QueryParam("resourceId")
    @Size(min = 1, max = 100)
    @Parameter(description = "Only changes to the resource with this id.", example = "18.72")
    public String resourceId;

    @QueryParam("actor")
    @Size(min = 1, max = 255)
    @Parameter(description = "Only changes by this user name.", example = "officer-metro")
    public String actor;

    @QueryParam("from")
    @Parameter(description = "Only changes at or after this instant (ISO 8601 with offset).", example = "2026-11-01T00:00:00Z")
    public OffsetDateTime from;

    @QueryParam("to")
    @Parameter(description = "Only changes before this instant (ISO 8601 with offset); after `from`.", example = "2026-12-01T00:00:00Z")
    public OffsetDateTime to;

    /** The filter to read with; {@code to} must come after {@code from}. */
    public AuditTrail.Filter toFilter() {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        return new AuditTrail.Filter(resourceType, resourceId, actor, from, to);
    }
}
