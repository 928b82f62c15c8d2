package id.kotacerdas.platform.record;

import id.kotacerdas.platform.web.Violation;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a recorded fact (or its correction) comes from: a public page, a letter, a regulation. Every fact recorded
 * from the past names at least one ({@link #check}).
 */
@Schema(name = "Source", description = "Where a recorded fact comes from.", requiredProperties = { "url" },
        examples = "{\"title\": \"Kota Tegal Masuk 50 Kab/Kota Pendampingan Smart City Kemkominfo\", "
                + "\"url\": \"https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo\", "
                + "\"publishedOn\": \"2022-04-21\"}")
public record Source(
        @Schema(description = "The source's title, as printed.", maxLength = 500,
                examples = "Kota Tegal Masuk 50 Kab/Kota Pendampingan Smart City Kemkominfo")
        String title,
        @Schema(description = "Its address (http or https).", maxLength = 2000,
                examples = "https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo")
        String url,
        @Schema(description = "The day the source was published, when it shows one.", examples = "2022-04-21")
        LocalDate publishedOn) {

    public static final int MAX_SOURCES = 20;

    /**
     * The violations of a list of sources given at {@code field}: required (at least one), at most
     * {@value #MAX_SOURCES}, each with an absolute http(s) {@code url} of at most 2000 characters and a title of at
     * most 500. Empty when the list is acceptable.
     */
    public static List<Violation> check(String field, List<Source> sources) {
        List<Violation> out = new ArrayList<>();
        if (sources == null || sources.isEmpty()) {
            out.add(new Violation(field, "is required: name at least one source of a recorded fact (its url)"));
            return out;
        }
        if (sources.size() > MAX_SOURCES) {
            out.add(new Violation(field, "must name at most " + MAX_SOURCES + " sources"));
        }
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            String at = field + "[" + i + "]";
            if (s == null) {
                out.add(new Violation(at, "must not be null"));
                continue;
            }
            if (s.url() == null || s.url().isBlank()) {
                out.add(new Violation(at + ".url", "is required"));
            } else if (s.url().length() > 2000 || !isWebAddress(s.url())) {
                out.add(new Violation(at + ".url", "must be an absolute http or https address of at most 2000 characters"));
            }
            if (s.title() != null && s.title().length() > 500) {
                out.add(new Violation(at + ".title", "must be at most 500 characters"));
            }
        }
        return out;
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
