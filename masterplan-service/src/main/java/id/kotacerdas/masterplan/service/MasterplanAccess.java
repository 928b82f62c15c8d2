package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.web.ProblemException;

/**
 * Who may change what beyond the roles each operation allows (those are on the resources): a region's officers
 * write their own region's masterplan and bimtek attendance, never another region's; the ministry writes every
 * region's. Checked before anything is read from the request body, so a refused write changes nothing.
 */
final class MasterplanAccess {

    private MasterplanAccess() {
    }

    /** The document, its submission and its ratification: the ministry, or an officer of the masterplan's region. */
    static void requireRegionWriter(Caller caller, Masterplan m) {
        if (!caller.mayChangeRegion(m.regionCode)) {
            throw forbidden(caller, m, "Only the ministry and the region's own officers may change " + name(m)
                    + "'s masterplan.");
        }
    }

    /** Bimtek attendance: also the ministry's guides (assessors). */
    static void requireAttendanceWriter(Caller caller, Masterplan m) {
        if (!caller.hasRole(Caller.ASSESSOR) && !caller.mayChangeRegion(m.regionCode)) {
            throw forbidden(caller, m, "Only the ministry, its guides and the region's own officers may record who"
                    + " attended " + name(m) + "'s bimtek.");
        }
    }

    private static ProblemException forbidden(Caller caller, Masterplan m, String otherwise) {
        return ProblemException.forbidden(caller.hasRole(Caller.REGION_OFFICER)
                ? "A region officer may change only their own region's masterplan (" + caller.regionCode() + "), not "
                        + name(m) + "'s (" + m.regionCode + ")."
                : otherwise);
    }

    private static String name(Masterplan m) {
        return m.regionName == null ? m.regionCode : m.regionName;
    }
}
