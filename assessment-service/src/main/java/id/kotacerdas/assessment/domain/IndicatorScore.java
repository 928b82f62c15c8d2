package id.kotacerdas.assessment.domain;

import java.math.BigDecimal;

/** One assessor's score of one indicator, on the indicator's scale, with an optional note. */
public record IndicatorScore(String indicatorCode, BigDecimal value, String note) {
}
