package se.stegvis.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a cohort is divided into a baseline and a comparison arm: by referral date (before/after
 * a start date) or by unit (e.g. one municipality against another). Episodes in neither arm have
 * no arm and are left out of arm comparisons only.
 */
public sealed interface Split {

    /** Arm label of the baseline. */
    String BASELINE = "baseline";
    /** Arm label of the comparison. */
    String COMPARISON = "comparison";

    /** SQL expression giving {@code baseline}, {@code comparison} or NULL for episode {@code e}. */
    SqlFragment armExpression();

    /** No split: every episode has a NULL arm. */
    record None() implements Split {
        @Override
        public SqlFragment armExpression() {
            return SqlFragment.of("CAST(NULL AS VARCHAR)");
        }
    }

    /** Referred before {@code start}: baseline; on or after: comparison. */
    record ByDate(LocalDate start) implements Split {
        @Override
        public SqlFragment armExpression() {
            return new SqlFragment("CASE WHEN e.referral_date < ? THEN 'baseline' ELSE 'comparison' END", List.of(start));
        }
    }

    /** Episodes whose {@code unit} is in {@code baseline} against those in {@code comparison}. */
    record ByUnit(GroupBy unit, List<String> baseline, List<String> comparison) implements Split {
        public ByUnit {
            if (unit == GroupBy.ARM || unit == GroupBy.NONE) {
                throw new IllegalArgumentException("a unit split needs an episode attribute, not " + unit.key());
            }
            baseline = List.copyOf(baseline);
            comparison = List.copyOf(comparison);
        }

        @Override
        public SqlFragment armExpression() {
            SqlFragment b = SqlFragment.in(unit.expression(), baseline);
            SqlFragment c = SqlFragment.in(unit.expression(), comparison);
            List<Object> params = new ArrayList<>(b.params());
            params.addAll(c.params());
            return new SqlFragment("CASE WHEN " + b.sql() + " THEN 'baseline' WHEN " + c.sql()
                    + " THEN 'comparison' END", params);
        }
    }
}
