package se.stegvis.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextBandTest {

    static FlowRunChartBuilder chart(Hidden inflowHidden) {
        Hidden[] shown = new Hidden[6];
        java.util.Arrays.fill(shown, Hidden.SHOWN);
        Hidden[] inflow = shown.clone();
        inflow[5] = inflowHidden;
        return new FlowRunChartBuilder().title("Flöde")
                .periods(List.of("2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08"))
                .inflow(new long[]{10, 12, 0, 0, 14, 16}, inflow)
                .exits(new long[]{8, 9, 9, 7, 8, 9}, shown)
                .context(List.of(new ContextBand(2, 3, "Intagsstopp", true), new ContextBand(3, 4, "Sommar", false),
                        new ContextBand(5, 5, "Sommar", false)));
    }

    @Test
    void eventsAreLabelledOnceAndTheIntakeStopIsLeftOutOfTheInflowMedian() {
        SeminarChart c = chart(Hidden.SHOWN).build();
        List<String> texts = c.drawnTexts();
        assertThat(texts.stream().filter("Sommar"::equals)).hasSize(1);
        assertThat(texts).contains("Intagsstopp",
                "Inflödets median räknas utan perioderna med intagsstopp (2019-05–2019-06).");
    }

    @Test
    void noMedianNoteWhenTheInflowMedianIsNotDrawn() {
        assertThat(chart(Hidden.SMALL).build().drawnTexts()).noneMatch(t -> t.startsWith("Inflödets median"));
    }

    @Test
    void theInflowCentreLineSkipsStopMonths() {
        // 10, 12, 14, 16 without the stop: median 13; with its zeros it would be 11
        double[] kept = FlowRunChartBuilder.withoutIntakeStops(new double[]{10, 12, 0, 0, 14, 16},
                List.of(new ContextBand(2, 3, "Intagsstopp", true), new ContextBand(4, 4, "Sommar", false)));
        assertThat(java.util.Arrays.stream(kept).filter(d -> !Double.isNaN(d)).toArray()).containsExactly(10, 12, 14, 16);
    }
}
