package se.stegvis.charts;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartBuildersTest {
    /** Where the rendered charts land, to be looked at by a person. */
    private static final Path PREVIEW = Path.of("target", "chart-previews");

    static SeminarChart rendered(SeminarChart chart, String name) throws IOException {
        chart.save(PREVIEW, name);
        return chart;
    }

    static BufferedImage png(SeminarChart chart) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(chart.toPng()));
    }

    static long distinctColours(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth())
                .length == 0 ? 0 : java.util.Arrays.stream(
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth())).distinct().count();
    }

    static void assertProjectorImage(SeminarChart chart) throws IOException {
        BufferedImage image = png(chart);
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(distinctColours(image)).isGreaterThan(20);
        assertThat(chart.toSvg()).startsWith("<?xml").contains("<svg");
    }

    @Test
    void funnelShowsCountsAndSharesButNeverASuppressedCount() throws IOException {
        SeminarChart chart = rendered(new FunnelChartBuilder()
                .title("Tratten: från anvisning till avslut")
                .subtitle("EVI Ludvika, 2023–2024").n(412)
                .definition("Antal personer som nått varje steg bland dem som anvisades under perioden.")
                .stage("Anvisade", 412)
                .stage("Aktuella", 301)
                .stage("Första möte", 287)
                .stage("Kartläggning klar", 240)
                .stage("Gemensam plan (SIP)", 3, true)
                .stage("Avslutade", 198)
                .build(), "funnel");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("412", "301 (73\u00a0%)", "<5");
        assertThat(texts).noneMatch(t -> t.matches(".*\\b3\\b.*") && !t.contains("<5") && !t.contains("2023"));
    }

    /** A small hand-made Kaplan-Meier curve: 10 people, events at days 10, 20, 35, 60. */
    static final double[] KM_TIME = {0, 10, 20, 35, 60};

    @Test
    void survivalCurvesCarryBandsAndNumbersAtRiskWithSuppressedCountsHidden() throws IOException {
        SeminarChart chart = rendered(new SurvivalChartBuilder()
                .title("Tid från anvisning till första möte")
                .subtitle("Kaplan-Meier, 2023–2024").n(20)
                .definition("Dagar från anvisningsdatum till första möte; de som ännu inte haft möte censureras vid uttagsdatum.")
                .xAxisTitle("Dagar från anvisning")
                .maxTime(90)
                .curve("Ludvika", KM_TIME, new double[]{1, 0.8, 0.6, 0.4, 0.3},
                        new double[]{1, 0.55, 0.33, 0.17, 0.10}, new double[]{1, 0.93, 0.81, 0.65, 0.55})
                .curve("Smedjebacken", KM_TIME, new double[]{1, 0.9, 0.7, 0.7, 0.5},
                        new double[]{1, 0.65, 0.45, 0.45, Double.NaN}, new double[]{1, 0.98, 0.87, 0.87, Double.NaN})
                .atRisk("Ludvika", new double[]{0, 30, 60, 90}, new long[]{10, 6, 3, 2}, new boolean[]{false, false, true, true})
                .atRisk("Smedjebacken", new double[]{0, 30, 60, 90}, new long[]{10, 7, 7, 5}, new boolean[]{false, false, false, false})
                .build(), "survival-km");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("Antal i risk", "10", "6", "7", "5", "<5");
        assertThat(texts).doesNotContain("3", "2");
    }

    @Test
    void heatmapShowsRowSharesAndCountsAndHidesSuppressedCells() throws IOException {
        List<String> steps = List.of("Steg 1", "Steg 2", "Steg 3", "Steg 4");
        SeminarChart chart = rendered(new TransitionHeatmapBuilder()
                .title("Från steg vid start till senaste steg").n(120)
                .definition("Andel av dem som började på ett steg som står på varje steg vid senaste bedömning.")
                .matrix(steps, steps, new long[][]{{10, 20, 6, 4}, {5, 25, 10, 0}, {0, 6, 15, 9}, {0, 2, 0, 8}},
                        new boolean[][]{{false, false, false, true}, {false, false, false, false},
                                {false, false, false, false}, {false, true, false, false}})
                .build(), "heatmap");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("25\u00a0%", "(10)", "n = 40", "<5");
        assertThat(texts).doesNotContain("(4)", "(2)", "10\u00a0%");
    }

    @Test
    void stepMovementBarsSplitEachGroupIntoUpSameDown() throws IOException {
        SeminarChart chart = rendered(new StepMovementChartBuilder()
                .title("Stegförflyttning från start till avslut").n(236)
                .definition("Jämförelse av steg vid första och senaste bedömning.")
                .group("Ludvika", 60, 40, 20)
                .group("Smedjebacken", 30, 20, 10)
                .group("Säter", 40, 3, 3, false, true, true)
                .build(), "step-movement");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("50\u00a0%", "n = 120", "<5", "Upp minst ett steg");
        assertThat(texts).noneMatch(t -> t.equals("3") || t.startsWith("7\u00a0%"));
    }

    @Test
    void forestPlotWritesEstimatesWithAsymmetricIntervals() throws IOException {
        SeminarChart chart = rendered(new ForestPlotBuilder()
                .title("Skillnad i andel till arbete mot genomsnittet").n(400)
                .definition("Riskdifferens med Newcombes intervall.")
                .percent(true).reference(0)
                .axisTitle("Skillnad (procentenheter)")
                .row("Ludvika", 0.05, -0.02, 0.14, 180)
                .row("Smedjebacken", -0.08, -0.2, 0.01, 90)
                .suppressedRow("Säter")
                .build(), "forest");
        assertProjectorImage(chart);
        assertThat(chart.drawnTexts()).contains("5,0 (-2,0; 14,0)   n = 180", "<5");
    }

    @Test
    void alluvialDrawsFlowsAndNeverASuppressedFlowSize() throws IOException {
        SeminarChart chart = rendered(new AlluvialChartBuilder()
                .title("Från steg vid start till avslut").n(131)
                .definition("Personer per steg vid start och deras senaste steg eller avslutsorsak.")
                .nodes(List.of("Steg 1", "Steg 2", "Steg 3"), List.of("Steg 2", "Steg 3", "Arbete", "Studier"))
                .flow("Steg 1", "Steg 2", 30).flow("Steg 1", "Arbete", 3, true).flow("Steg 1", "Steg 3", 12)
                .flow("Steg 2", "Steg 3", 25).flow("Steg 2", "Arbete", 20).flow("Steg 2", "Studier", 10)
                .flow("Steg 3", "Arbete", 22).flow("Steg 3", "Studier", 9)
                .build(), "alluvial");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("Steg 2  55", "Steg 1", "Arbete").anyMatch(t -> t.startsWith("\"<5\" och randigt"));
        assertThat(texts).noneMatch(t -> t.contains("45") || t.contains("Arbete  "));
    }

    @Test
    void runChartBreaksLinesAtSuppressedMonths() throws IOException {
        List<String> months = List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
                "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12");
        FlowRunChartBuilder builder = new FlowRunChartBuilder()
                .title("Inflöde, avslut och pågående per månad").n(310)
                .definition("Inflöde: nya anvisningar per månad. Pågående: inskrivna vid månadens slut.")
                .periods(months)
                .inflow(new long[]{22, 25, 19, 30, 28, 3, 15, 24, 27, 26, 21, 18},
                        new boolean[]{false, false, false, false, false, true, false, false, false, false, false, false})
                .exits(new long[]{15, 18, 20, 22, 19, 17, 12, 20, 25, 24, 22, 21}, new boolean[12])
                .workInProgress(new long[]{110, 117, 116, 124, 133, 119, 122, 126, 128, 130, 129, 126}, new boolean[12]);
        SeminarChart chart = rendered(builder.build(), "flow-run");
        assertProjectorImage(chart);
        assertThat(builder.series().get(0).values()[5]).isNaN();
        assertThat(chart.drawnTexts()).contains("<5", "Inflöde");
    }

    @Test
    void funnelPlotNamesHiddenUnitsInsteadOfPlottingThem() throws IOException {
        FunnelPlotBuilder builder = new FunnelPlotBuilder()
                .title("Andel till arbete eller studier per kommun").n(720)
                .definition("Andel avslutade till arbete eller studier bland alla avslutade.")
                .unit("Ludvika", 70, 200).unit("Smedjebacken", 20, 90).unit("Säter", 35, 80)
                .unit("Hedemora", 45, 160).unit("Avesta", 60, 190).unit("Norberg", 2, 4, true);
        SeminarChart chart = rendered(builder.build(), "funnel-plot");
        assertProjectorImage(chart);
        assertThat(chart.drawnTexts()).contains("Ludvika").noneMatch(t -> t.contains("50\u00a0%"));
        assertThat(chart.drawnTexts()).anyMatch(t -> t.contains("Norberg"));
    }

    @Test
    void flowQualityScatterJoinsEachUnitsPeriods() throws IOException {
        SeminarChart chart = rendered(new FlowQualityScatterBuilder()
                .title("Flöde mot kvalitet per kommun och halvår").n(300)
                .definition("x: avslut per årsarbetare; y: andel avslutade till arbete eller studier, 95 % Wilsonintervall.")
                .point("Ludvika", "2023H1", 8, 6.5, 9.5, 0.30, 0.22, 0.40)
                .point("Ludvika", "2023H2", 10, 8.4, 11.8, 0.33, 0.25, 0.42)
                .point("Ludvika", "2024H1", 12, 10.2, 13.5, 0.28, 0.21, 0.37)
                .point("Smedjebacken", "2023H1", 6, 4.1, 8.2, 0.40, 0.26, 0.56)
                .point("Smedjebacken", "2023H2", 7, 5.0, 9.0, 0.45, 0.30, 0.61)
                .suppressedPoint("Smedjebacken", "2024H1")
                .build(), "flow-quality");
        assertProjectorImage(chart);
        assertThat(chart.drawnTexts()).contains("Ludvika 2024H1", "Smedjebacken 2023H2");
    }

    @Test
    void cellsHiddenToProtectOthersSayDotDotAndNeverTheirCount() {
        Hidden[] h = {Hidden.SHOWN, Hidden.PROTECTED, Hidden.SMALL};
        SeminarChart chart = new StepMovementChartBuilder().title("Skyddade celler")
                .group("Säter", 46, 40, 4, 2, h)
                .build();
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("..", "<5", "87\u00a0%")
                .anyMatch(t -> t.startsWith("\"..\": dolt"))
                .noneMatch(t -> t.equals("4") || t.equals("2") || t.contains("9\u00a0%"));
    }
}
