package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.repository.MouRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of an MoU list and count, as typed query parameters ({@code @Valid @BeanParam}). */
public class MouFilterParams {

    @QueryParam("programmeYear")
    @Min(2017)
    @Max(2100)
    @Parameter(description = "Only MoUs of this programme year.", example = "2022")
    public Integer programmeYear;

    @QueryParam("ceremonyId")
    @Parameter(description = "Only MoUs signed (or to be signed) at this national ceremony.")
    public UUID ceremonyId;

    @QueryParam("state")
    @Parameter(description = "Only MoUs in this state.")
    public MouState state;

    @QueryParam("regionCode")
    @Size(max = 5)
    @Pattern(regexp = MouRequests.REGION_CODE_REGEX, message = "must be a Kemendagri code: PP or PP.KK (digits)")
    @Parameter(description = "Only the MoUs of this region (Kemendagri code).", example = "51.02")
    public String regionCode;

    @QueryParam("provinceCode")
    @Size(max = 2)
    @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code")
    @Parameter(description = "Only the MoUs of this province and its kabupaten/kota.", example = "51")
    public String provinceCode;

    @QueryParam("includeWithdrawn")
    @Parameter(description = "Also recorded MoUs that were withdrawn (they never count otherwise).", example = "false")
    public boolean includeWithdrawn;

    public MouRepository.Filter toFilter() {
        return new MouRepository.Filter(programmeYear, ceremonyId, state, regionCode, provinceCode, null, includeWithdrawn);
    }
}
