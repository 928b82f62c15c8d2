package id.kotacerdas.assessment.domain;

/**
 * How many regions a cycle selects: seats on the kabupaten/kota track, seats on the province track (from 2023),
 * and optionally at most so many kabupaten/kota of one province ({@code null}: no such limit; it does not apply to
 * the province track).
 */
public record Quotas(int kabKotaSeats, int provinceSeats, Integer maxPerProvince) {

    public int seats(Track track) {
        return track == Track.PROVINCE ? provinceSeats : kabKotaSeats;
    }
}
