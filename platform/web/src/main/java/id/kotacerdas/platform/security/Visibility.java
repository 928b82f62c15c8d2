package id.kotacerdas.platform.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who may see a fact, as the service that owns it shows it on its own reads: the producer of an event states it (the
 * CloudEvents extension attribute {@code visibility}, header {@code ce_visibility}, documented in each AsyncAPI
 * document), and every projection built from events (region-service's timeline, dossier, stages and counts) stores
 * it with the fact and applies it to each caller, so that a projection shows a caller no more than the owner would.
 * <p>
 * "Staff" are the ministry ({@code ministry-admin}), its assessors ({@code assessor}) and auditors ({@code auditor}).
 */
public enum Visibility {
    /** Every caller the API admits (every role of the realm). */
    PUBLIC,
    /** Staff, the region's own officers and integrators (agreement-service shows integrators signed MoUs). */
    REGION_AND_INTEGRATORS,
    /** Staff and the region's own officers (invitations, self-assessments, unpublished scores, MoU drafts, local commitments). */
    REGION,
    /** Staff only. */
    STAFF;

    /** The CloudEvents extension attribute ({@code ce_visibility} in Kafka's binary mode). */
    public static final String ATTRIBUTE = "visibility";

    public static boolean staff(Caller caller) {
        return caller.hasRole(Caller.MINISTRY_ADMIN) || caller.hasRole(Caller.ASSESSOR) || caller.hasRole(Caller.AUDITOR);
    }

    /** Whether the caller may see a fact of this visibility about the region {@code regionCode}. */
    public boolean allows(Caller caller, String regionCode) {
        return visibleTo(caller, regionCode).contains(this);
    }

    /** The visibilities of the facts about {@code regionCode} that the caller may see. */
    public static Set<Visibility> visibleTo(Caller caller, String regionCode) {
        if (staff(caller)) {
            return EnumSet.allOf(Visibility.class);
        }
        EnumSet<Visibility> visible = EnumSet.of(PUBLIC);
        if (caller.hasRole(Caller.INTEGRATOR)) {
            visible.add(REGION_AND_INTEGRATORS);
        }
        if (caller.hasRole(Caller.REGION_OFFICER) && regionCode != null && regionCode.equals(caller.regionCode())) {
            visible.add(REGION_AND_INTEGRATORS);
            visible.add(REGION);
        }
        return visible;
    }

    /** What a caller sees of regions other than its own: the audience of lists, stage filters and counts. */
    public static Audience audienceOf(Caller caller) {
        if (staff(caller)) {
            return Audience.STAFF;
        }
        return caller.hasRole(Caller.INTEGRATOR) ? Audience.INTEGRATORS : Audience.PUBLIC;
    }

    /** The kinds of readers a projection keeps a derived view (a stage) for. */
    public enum Audience {
        /** Sees every fact. */
        STAFF(EnumSet.allOf(Visibility.class)),
        /** Sees public facts and those shown to integrators. */
        INTEGRATORS(EnumSet.of(Visibility.PUBLIC, Visibility.REGION_AND_INTEGRATORS)),
        /** Sees public facts only (a region officer looking at another region). */
        PUBLIC(EnumSet.of(Visibility.PUBLIC));

        private final Set<Visibility> sees;

        Audience(Set<Visibility> sees) {
            this.sees = sees;
        }

        public boolean sees(Visibility visibility) {
            return sees.contains(visibility);
        }
    }

    /** The header value, or {@link #REGION} (the cautious reading) for a missing or unknown one. */
    public static Visibility parse(String value) {
        if (value == null || value.isBlank()) {
            return REGION;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return REGION;
        }
    }

    /** The header value ({@code public}, {@code region-and-integrators}, {@code region}, {@code staff}). */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
