package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.repository.MouRepository;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;
import java.util.Arrays;
import java.util.List;

/**
 * Who may see and change which MoU, beyond the roles each operation names: a region officer sees and fills in only
 * their own region's MoUs; an integrator sees only MoUs that were signed (signed, expired, terminated); the ministry,
 * assessors and auditors see all. Writes to the ministry's terms are the ministry's alone (a role check).
 */
final class MouAccess {

    /** The states an integrator may see. */
    static final List<MouState> SIGNED_STATES = Arrays.stream(MouState.values()).filter(MouState::wasSigned).toList();

    private MouAccess() {
    }

    static boolean onlySigned(Caller caller) {
        return caller.hasRole(Caller.INTEGRATOR) && !caller.hasRole(Caller.MINISTRY_ADMIN)
                && !caller.hasRole(Caller.AUDITOR) && !caller.hasRole(Caller.ASSESSOR);
    }

    static boolean onlyOwnRegion(Caller caller) {
        return caller.hasRole(Caller.REGION_OFFICER) && !caller.hasRole(Caller.MINISTRY_ADMIN)
                && !caller.hasRole(Caller.AUDITOR) && !caller.hasRole(Caller.ASSESSOR);
    }

    /** The MoU itself when the caller may read it: {@code 404} when it does not exist for them, {@code 403} for another region's officer. */
    static Mou readable(Caller caller, Mou mou, Object id) {
        if (mou == null || onlySigned(caller) && !mou.state.wasSigned()) {
            throw ProblemException.notFound("No MoU has the id " + id + ".");
        }
        if (onlyOwnRegion(caller) && !mou.regionCode.equals(caller.regionCode())) {
            throw ProblemException.forbidden("A region officer may read only their own region's MoUs ("
                    + caller.regionCode() + "), not " + mou.regionName + "'s (" + mou.regionCode + ").");
        }
        return mou;
    }

    /** That the caller may fill in the region's side of this MoU (the ministry, or the region's own officer). */
    static void mayChangeLocalSide(Caller caller, Mou mou) {
        if (!caller.mayChangeRegion(mou.regionCode)) {
            throw ProblemException.forbidden(caller.hasRole(Caller.REGION_OFFICER)
                    ? "A region officer may change only their own region's MoU (" + caller.regionCode() + "), not "
                            + mou.regionName + "'s (" + mou.regionCode + ")."
                    : "Only the ministry and " + mou.regionName + "'s own officers may change its side of the MoU.");
        }
    }

    /** The filter narrowed to what the caller may see; {@code 403} when an officer asks for another region. */
    static MouRepository.Filter restrict(Caller caller, MouRepository.Filter filter) {
        MouRepository.Filter f = filter;
        if (onlyOwnRegion(caller)) {
            if (f.regionCode() != null && !f.regionCode().equals(caller.regionCode())) {
                throw ProblemException.forbidden("A region officer may list only their own region's MoUs ("
                        + caller.regionCode() + "), not " + f.regionCode() + "'s.");
            }
            String own = caller.regionCode() == null ? "none" : caller.regionCode();
            f = new MouRepository.Filter(f.programmeYear(), f.ceremonyId(), f.state(), own, f.provinceCode(), f.states(),
                    f.includeWithdrawn());
        }
        if (onlySigned(caller)) {
            f = new MouRepository.Filter(f.programmeYear(), f.ceremonyId(), f.state(), f.regionCode(), f.provinceCode(),
                    SIGNED_STATES, f.includeWithdrawn());
        }
        return f;
    }
}
