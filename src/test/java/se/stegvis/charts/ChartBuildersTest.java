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
                        new double[]{1, 0.65, 0.45, 0.45, 0.25}, new double[]{1, 0.98, 0.87, 0.87, 0.73})
                .atRisk("Ludvika", new double[]{0, 30, 60, 90}, new long[]{10, 6, 3, 2}, new boolean[]{false, false, true, true})
                .atRisk("Smedjebacken", new double[]{0, 30, 60, 90}, new long[]{10, 7, 7, 5}, new boolean[]{false, false, false, false})
                .build(), "survival-km");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("Antal i risk", "10", "6", "7", "5", "<5");
        assertThat(texts).doesNotContain("3", "2");
    }
}
