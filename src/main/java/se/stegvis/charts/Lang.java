package se.stegvis.charts;

import java.util.Locale;

/** Language of user-facing labels: Swedish by default, English on request. */
public enum Lang {
    SV(Locale.forLanguageTag("sv-SE")),
    EN(Locale.forLanguageTag("en-GB"));

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    /** The locale used for number and date formatting in this language. */
    public Locale locale() {
        return locale;
    }

    /** Picks the Swedish or the English text. */
    public String pick(String sv, String en) {
        return this == SV ? sv : en;
    }
}
