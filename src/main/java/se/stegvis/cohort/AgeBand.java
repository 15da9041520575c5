package se.stegvis.cohort;

/** Age at referral (referral year minus birth year) in the bands the reports use. */
public enum AgeBand {
    UNDER_25("16-24", 0, 24),
    FROM_25_TO_34("25-34", 25, 34),
    FROM_35_TO_44("35-44", 35, 44),
    FROM_45_TO_54("45-54", 45, 54),
    FROM_55("55-", 55, 200);

    /** Label of episodes without a birth year. */
    public static final String UNKNOWN = "unknown";
    private static final String AGE = "(year(e.referral_date) - e.birth_year)";

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** The band by its label, e.g. {@code 25-34}. */
    public static AgeBand fromLabel(String label) {
        for (AgeBand b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown age band '" + label + "'");
    }

    /** SQL condition that an episode ({@code e}) is in this band. */
    String condition() {
        return AGE + " BETWEEN " + from + " AND " + to;
    }

    /** SQL expression for the band label of episode {@code e}. */
    static String labelExpression() {
        StringBuilder sql = new StringBuilder("CASE");
        for (AgeBand b : values()) {
            sql.append(" WHEN ").append(b.condition()).append(" THEN '").append(b.label).append('\'');
        }
        return sql.append(" ELSE '").append(UNKNOWN).append("' END").toString();
    }
}
