package id.kotacerdas.masterplan.rest;

import id.kotacerdas.masterplan.domain.MasterplanState;
import id.kotacerdas.masterplan.repository.MasterplanRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the masterplan list, typed and bounded: a bad value is a {@code 400} naming the parameter. */
public class MasterplanFilterParams {

    @QueryParam("regionCode")
    @Size(max = 5)
    @Pattern(regexp = MasterplanRequests.REGION_CODE, message = "must be a Kemendagri code: PP or PP.KK (digits)")
    @Parameter(description = "Only this region's masterplans.", example = "52.07")
    public String regionCode;

    @QueryParam("programmeYear")
    @Min(2000)
    @Max(2100)
    @Parameter(description = "Only this programme year.", example = "2022")
    public Integer programmeYear;

    @QueryParam("state")
    @Parameter(description = "Only masterplans in this state.")
    public MasterplanState state;

    @QueryParam("includeWithdrawn")
    @Parameter(description = "Also masterplans recorded from their sources and withdrawn with their ratification "
            + "(left out by default).", example = "false")
    public boolean includeWithdrawn;

    MasterplanRepository.Filter toFilter() {
        return new MasterplanRepository.Filter(regionCode, programmeYear, state, includeWithdrawn);
    }
}
