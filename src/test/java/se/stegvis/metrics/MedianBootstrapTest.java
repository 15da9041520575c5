package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MedianBootstrapTest {

    /** Arm A: time 7i mod 60, event unless 5 | i (i = 1..150); arm B: 11j mod 90, event unless 4 | j (j = 1..120). */
    private static MedianBootstrap.Arm arm(int n, int step, int mod, int censorEvery) {
        double[] days = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 1; i <= n; i++) {
            days[i - 1] = (double) (i * step % mod);
            event[i - 1] = i % censorEvery != 0;
        }
        return new MedianBootstrap.Arm(days, event);
    }

    @Test
    void resampledCellCountsGiveRsEpisodeBootstrapInterval() {
        // R (survival, boot): stat = median(survfit) of B - of A on d[idx, ]; boot(d, stat, R = 4000, strata = arm),
        // set.seed(1): estimate 18, boot.ci(type = "perc", conf = 0.95) = [9, 27], replicate sd 4.55. The
        // Monte Carlo error of a 2.5% quantile of 4000 replicates is about a day here.
        double[] diff = MedianBootstrap.difference(arm(150, 7, 60, 5), arm(120, 11, 90, 4), 4000, 20261125L, 0.95);
        assertThat(diff[0]).isEqualTo(18);
        assertThat(diff[1]).isCloseTo(9, within(1.0));
        assertThat(diff[2]).isCloseTo(27, within(1.0));
    }

    @Test
    void sameSeedSameInterval() {
        MedianBootstrap.Arm a = arm(150, 7, 60, 5);
        MedianBootstrap.Arm b = arm(120, 11, 90, 4);
        assertThat(MedianBootstrap.difference(a, b, 500, 7L, 0.95))
                .containsExactly(MedianBootstrap.difference(a, b, 500, 7L, 0.95));
    }

    @Test
    void countsPerCellAreTheEpisodesAtEachTimeAndStatus() {
        MedianBootstrap.Arm a = new MedianBootstrap.Arm(new double[] {5, 3, 5, 5, 3}, new boolean[] {true, false, false, true, false});
        // cells (3, censored) x2, (5, event) x2, (5, censored) x1: events before censorings at a time
        assertThat(a.times).containsExactly(3, 5, 5);
        assertThat(a.eventCell).containsExactly(false, true, false);
        assertThat(a.observed).containsExactly(2, 2, 1);
        assertThat(a.size()).isEqualTo(5);
    }
}
