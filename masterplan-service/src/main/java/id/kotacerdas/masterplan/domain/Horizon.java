package id.kotacerdas.masterplan.domain;

/** The time horizon of a programme (Purbalingga 2024: short = 1 year, medium = 5 years, long = 10 years). */
public enum Horizon {
    SHORT(1), MEDIUM(5), LONG(10);

    private final int years;

    Horizon(int years) {
        this.years = years;
    }

    public int years() {
        return years;
    }
}
