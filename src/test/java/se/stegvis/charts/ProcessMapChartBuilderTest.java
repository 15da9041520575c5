package se.stegvis.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.charts.ChartBuildersTest.assertProjectorImage;
import static se.stegvis.charts.ChartBuildersTest.rendered;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMapChartBuilderTest {

    static ProcessMapChartBuilder map() {
        return new ProcessMapChartBuilder().title("Processkarta").n(120)
                .node("referral", "Remiss", 120, Hidden.SHOWN)
                .node("decision_accepted", "Beslut: antagen", 110, Hidden.SHOWN)
                .node("decision_not_relevant", "Beslut: ej aktuell", -1, Hidden.SMALL)
                .node("first_meeting", "Första möte", 100, Hidden.SHOWN)
                .node("exit", "Avslut", 60, Hidden.SHOWN)
                .edge("referral", "decision_accepted", 110, 9, 14, Hidden.SHOWN, false)
                .edge("referral", "decision_not_relevant", 3, 10, 16, Hidden.SMALL, false)
                .edge("decision_accepted", "first_meeting", 100, 33, 53, Hidden.SHOWN, true)
                .edge("decision_accepted", "exit", 2, 40, 60, Hidden.SMALL, false)
                .edge("first_meeting", "exit", 55, 90, 172, Hidden.SHOWN, false)
                .edge("referral", "exit", 5, 1, 2, Hidden.SHOWN, false);
    }

    @Test
    void edgesCarryMedianPercentileAndCountButHiddenOnesOnlyTheirMarker() throws IOException {
        SeminarChart chart = rendered(map().build(), "process-map");
        assertProjectorImage(chart);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).contains("Remiss", "n = 120", "33 d (53 d),", "n = 100", "<5");
        // a hidden edge's count and times never show: not "3", "2", nor their 10 d / 40 d
        assertThat(texts).noneMatch(t -> t.matches("(n = )?[1-4]") || t.startsWith("10 d") || t.startsWith("40 d"));
    }

    @Test
    void minorEdgesAreLeftOutAndCountedInTheFootnote() {
        ProcessMapChartBuilder b = map();
        // referral -> exit carries 5 of 120 (4 %): minor; the hidden ones are drawn as hidden
        assertThat(b.drawnEdges()).extracting(ProcessMapChartBuilder.Edge::to)
                .containsExactly("decision_accepted", "decision_not_relevant", "first_meeting", "exit", "exit");
        assertThat(b.build().drawnTexts()).anyMatch(t -> t.startsWith("Visas inte: 1 mindre vägar"));
        assertThat(map().minorShare(0).drawnEdges()).hasSize(6);
    }

    @Test
    void theBottleneckIsDrawnInVermillion() throws IOException {
        var image = ChartBuildersTest.png(map().build());
        boolean found = false;
        for (int x = 0; x < image.getWidth() && !found; x += 2) {
            for (int y = 200; y < 700 && !found; y += 2) {
                found = (image.getRGB(x, y) & 0xFFFFFF) == (Palette.VERMILLION.getRGB() & 0xFFFFFF);
            }
        }
        assertThat(found).isTrue();
    }
}
