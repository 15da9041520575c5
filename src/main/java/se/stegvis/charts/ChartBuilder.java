package se.stegvis.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every chart builder shares: theme, title, subtitle, n, the metric's definition and extra
 * footnotes. Subclasses add their data and implement {@link #plot()}.
 *
 * @param <B> the concrete builder, so the fluent setters return it
 */
public abstract class ChartBuilder<B extends ChartBuilder<B>> {
    protected SeminarTheme theme = SeminarTheme.projector();
    protected String title = "";
    protected String subtitle;
    protected Long n;
    protected String definition;
    protected final List<String> notes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B theme(SeminarTheme newTheme) {
        this.theme = newTheme;
        return self();
    }

    /** Shorthand for a theme in another language. */
    public B lang(Lang lang) {
        this.theme = theme.withLang(lang);
        return self();
    }

    /** Shorthand for a theme of another size in pixels. */
    public B size(int width, int height) {
        this.theme = theme.withSize(width, height);
        return self();
    }

    public B title(String newTitle) {
        this.title = newTitle;
        return self();
    }

    /** A second header line, e.g. the selection and period; n is appended to it. */
    public B subtitle(String newSubtitle) {
        this.subtitle = newSubtitle;
        return self();
    }

    /** The number of people (or episodes) behind the chart, shown in the header. */
    public B n(long people) {
        this.n = people;
        return self();
    }

    /**
     * The number behind the chart when it is known; a negative one (e.g. a sum with a hidden part)
     * removes the n from the header rather than show a wrong or revealing one.
     */
    public B nIfKnown(long people) {
        this.n = people < 0 ? null : people;
        return self();
    }

    /** The metric's definition, shown as the footnote. */
    public B definition(String text) {
        this.definition = text;
        return self();
    }

    /** An extra footnote line. */
    public B note(String text) {
        this.notes.add(text);
        return self();
    }

    /** Builds the chart. */
    public SeminarChart build() {
        List<String> allNotes = new ArrayList<>(notes);
        allNotes.addAll(derivedNotes());
        if (hiddenCells().anyMatch(h -> h == Hidden.SMALL)) {
            allNotes.add(theme.lang().pick(
                    "\"" + theme.suppressedLabel() + "\" och randigt grått fält: färre än "
                            + theme.suppressionThreshold() + " personer, antalet visas inte.",
                    "\"" + theme.suppressedLabel() + "\" and hatched grey: fewer than "
                            + theme.suppressionThreshold() + " people, count not shown."));
        }
        if (hiddenCells().anyMatch(h -> h == Hidden.PROTECTED)) {
            allNotes.add(theme.lang().pick(
                    "\"..\": dolt för att ett litet antal annars kunde räknas fram ur summorna.",
                    "\"..\": hidden so that a small count cannot be worked out from the totals."));
        }
        return new SeminarChart(theme, title, subtitle, n, definition, allNotes, plot());
    }

    /** Footnotes that follow from the data (e.g. what was left out), added after the notes given. */
    protected List<String> derivedNotes() {
        return List.of();
    }

    /** How every cell is shown; hidden ones add the notes explaining "<5" and "..". */
    protected abstract Stream<Hidden> hiddenCells();

    /** The painter for the plot area. */
    protected abstract SeminarChart.PlotPainter plot();

    protected String t(String sv, String en) {
        return theme.lang().pick(sv, en);
    }
}
