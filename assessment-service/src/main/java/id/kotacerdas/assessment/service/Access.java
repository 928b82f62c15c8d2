package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;

/**
 * Who may see and change what below the roles ({@code @RolesAllowed} on the resources): a region officer is bound
 * to the region of their token; the ministry, assessors and auditors see every region; results become public (to
 * integrators and every officer) once the selection is confirmed.
 */
final class Access {

    private Access() {
    }

    /** Staff see every region of a cycle: the ministry, assessors, auditors. */
    static boolean staff(Caller caller) {
        return caller.hasRole(Caller.MINISTRY_ADMIN) || caller.hasRole(Caller.ASSESSOR) || caller.hasRole(Caller.AUDITOR);
    }

    /** A caller whose only view is that of one region officer. */
    static boolean officerOnly(Caller caller) {
        return !staff(caller) && caller.hasRole(Caller.REGION_OFFICER);
    }

    static void requireOwnRegionOrStaff(Caller caller, String regionCode) {
        if (!staff(caller) && !(caller.hasRole(Caller.REGION_OFFICER) && regionCode.equals(caller.regionCode()))) {
            throw ProblemException.forbidden(otherRegion(caller, regionCode));
        }
    }

    static void requireMayChange(Caller caller, String regionCode) {
        if (!caller.mayChangeRegion(regionCode)) {
            throw ProblemException.forbidden(otherRegion(caller, regionCode));
        }
    }

    /** Only the region's own officer (not the ministry): the self-assessment is the region's own statement. */
    static void requireOwnOfficer(Caller caller, String regionCode) {
        if (!(caller.hasRole(Caller.REGION_OFFICER) && regionCode.equals(caller.regionCode()))) {
            throw ProblemException.forbidden(caller.hasRole(Caller.REGION_OFFICER) ? otherRegion(caller, regionCode)
                    : "Only an officer of " + regionCode + " fills in its self-assessment.");
        }
    }

    private static String otherRegion(Caller caller, String regionCode) {
        return caller.hasRole(Caller.REGION_OFFICER)
                ? "A region officer may act only for their own region (" + caller.regionCode() + "), not " + regionCode + "."
                : "Your roles do not allow this for region " + regionCode + ".";
    }
}
