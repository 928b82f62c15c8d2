package id.kotacerdas.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings of agreement-service ({@code kotacerdas.agreement.*}). */
@ConfigMapping(prefix = "kotacerdas.agreement")
public interface AgreementConfig {

    /**
     * The time zone whose calendar decides what "today" is: a signing may not be dated after today, an MoU expires
     * the day after its last day in force. The ministry works in Jakarta (WIB).
     */
    @WithDefault("Asia/Jakarta")
    ZoneId zone();

    /** The title a draft gets when nobody gave one (drafts made from {@code RegionSelected}). */
    @WithDefault("Nota Kesepakatan tentang Implementasi Gerakan Menuju Kota Cerdas")
    String defaultTitle();

    /** The office of pihak pertama of every MoU of the programme. */
    @WithDefault("Direktur Jenderal Aplikasi Informatika")
    String firstPartyPosition();

    ExpiryCheck expiryCheck();

    /** The scheduled check that expires signed MoUs whose validity ended. */
    interface ExpiryCheck {

        /**
         * How often it runs, e.g. {@code 1h}; {@code off} disables it (the tests run it themselves). Runs that find
         * nothing cost one indexed query.
         */
        @WithDefault("1h")
        String every();

        /** At most this many MoUs are expired in one transaction; the rest wait for the next run. */
        @WithDefault("200")
        int batchSize();
    }
}
