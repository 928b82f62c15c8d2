package id.kotacerdas.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last result-letter number used in a year. The transaction that issues a letter reads it with a write lock,
 * takes the next number and raises it; recording a letter with an existing number raises it to at least that number,
 * so a number is never given twice.
 */
@Entity
@Table(name = "result_letter_counter")
public class ResultLetterCounter {

    @Id
    @Column(name = "number_year")
    public int year;

    @Column(name = "last_seq")
    public int lastSeq;
}
