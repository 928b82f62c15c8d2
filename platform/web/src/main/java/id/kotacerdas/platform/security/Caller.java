package id.kotacerdas.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the services need it: subject, user name, realm roles and, for region
 * officers, the one region their token binds them to (claim {@code region_code}).
 */
public record Caller(String subject, String username, Set<String> roles, String regionCode) {

    public static final String MINISTRY_ADMIN = "ministry-admin";
    public static final String ASSESSOR = "assessor";
    public static final String REGION_OFFICER = "region-officer";
    public static final String INTEGRATOR = "integrator";
    public static final String AUDITOR = "auditor";
    /**
     * A machine client (client credentials) that loads the programme's past from its sources: it may use the
     * record-from-source paths of every service and nothing else (issue 18).
     */
    public static final String IMPORTER = "importer";
    public static final String REGION_CODE_CLAIM = "region_code";

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller("anonymous", "anonymous", Set.of(), null);
        }
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String regionCode = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            Object preferred = jwt.getClaim("preferred_username");
            username = preferred != null ? preferred.toString() : (jwt.getName() != null ? jwt.getName() : subject);
            Object region = jwt.getClaim(REGION_CODE_CLAIM);
            regionCode = region == null ? null : region.toString().replace("\"", "");
        }
        return new Caller(subject, username, Set.copyOf(identity.getRoles()), regionCode);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller may change records that belong to the given region. */
    public boolean mayChangeRegion(String code) {
        if (hasRole(MINISTRY_ADMIN)) {
            return true;
        }
        return hasRole(REGION_OFFICER) && regionCode != null && regionCode.equals(code);
    }
}
