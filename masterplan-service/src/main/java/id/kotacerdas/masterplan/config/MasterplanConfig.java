package id.kotacerdas.masterplan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings of masterplan-service ({@code kotacerdas.masterplan.*}). */
@ConfigMapping(prefix = "kotacerdas.masterplan")
public interface MasterplanConfig {

    /**
     * The time zone whose calendar decides what "today" is: a bimtek stage cannot be recorded as held before its first
     * day. The ministry works in Jakarta (WIB).
     */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** What a masterplan needs before it can be submitted. */
    Completeness completeness();

    interface Completeness {

        /**
         * The quick wins a submitted masterplan must have at least: the programme asks for three (Bontang's fourth
         * bimtek, 2019). The programme may ask for more in a later year.
         */
        @WithDefault("3")
        int minQuickWins();
    }

    /** The title a masterplan opened by a signed MoU gets. */
    @WithDefault("Masterplan Smart City")
    String defaultTitle();
}
