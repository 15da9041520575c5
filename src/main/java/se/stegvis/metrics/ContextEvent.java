package se.stegvis.metrics;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A dated context event from the store's {@code context_events}: an intake stop, a reform, the
 * summer dip. Charts shade its period; an intake stop's months are left out of inflow rates.
 *
 * @param startsOn first day
 * @param endsOn last day (null: a one-day event, e.g. a reform taking effect)
 * @param kind code of code list {@code context_kind}, e.g. {@code intake_stop}
 * @param labelSv label in Swedish
 * @param labelEn label in English (falls back to Swedish)
 */
public record ContextEvent(LocalDate startsOn, LocalDate endsOn, String kind, String labelSv, String labelEn) {

    /** The kind that stops referrals from coming in. */
    public static final String INTAKE_STOP = "intake_stop";

    /** True for an intake stop: no inflow is expected, so its months do not count in inflow rates. */
    public boolean stopsIntake() {
        return INTAKE_STOP.equals(kind);
    }

    /** The last day (the first for a one-day event). */
    public LocalDate lastDay() {
        return endsOn == null ? startsOn : endsOn;
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null && !labelEn.isBlank() ? labelEn : labelSv;
    }
}
