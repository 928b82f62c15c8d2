package id.kotacerdas.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A region's own answer to one indicator: a value (the level it claims for an ORDINAL indicator, the measurement
 * for a NUMERIC or PERCENTAGE one, 0/1 for YES_NO), an explanation, and links to its evidence.
 */
public record Answer(String indicatorCode, BigDecimal value, String text, List<String> evidenceLinks) {
    public Answer {
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
    }
}
