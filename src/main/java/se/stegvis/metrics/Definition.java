package se.stegvis.metrics;

import java.util.Locale;

/**
 * What a metric measures, in one sentence in Swedish and in English, shown with every result.
 *
 * @param id the metric's name, e.g. {@code funnel}
 * @param sv the definition in Swedish
 * @param en the definition in English
 */
public record Definition(String id, String sv, String en) {

    /** The sentence in the language of {@code locale} (Swedish unless English is asked for). */
    public String text(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : sv;
    }
}
