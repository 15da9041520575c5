package se.stegvis.stats;

import static se.stegvis.stats.Golden.CLOSED_FORM;
import static se.stegvis.stats.Golden.close;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binomial intervals against R's prop.test (Wilson) and binom.test (Clopper-Pearson). */
class ProportionsGoldenTest {

    @Test
    void wilsonAndClopperPearsonMatchR() {
        for (Map<String, String> r : Golden.golden("proportions.csv")) {
            long k = Long.parseLong(r.get("k"));
            long n = Long.parseLong(r.get("n"));
            double level = Double.parseDouble(r.get("level"));
            String at = k + "/" + n + " at " + level;
            Interval w = Proportions.wilson(k, n, level);
            Interval cp = Proportions.clopperPearson(k, n, level);
            close(at + " estimate", r.get("estimate"), w.estimate(), CLOSED_FORM);
            close(at + " wilson lower", r.get("wilson_lower"), w.lower(), CLOSED_FORM);
            close(at + " wilson upper", r.get("wilson_upper"), w.upper(), CLOSED_FORM);
            close(at + " cp lower", r.get("cp_lower"), cp.lower(), CLOSED_FORM);
            close(at + " cp upper", r.get("cp_upper"), cp.upper(), CLOSED_FORM);
        }
    }

    @Test
    void newcombeMatchesFormulaOnRWilsonIntervals() {
        for (Map<String, String> r : Golden.golden("newcombe.csv")) {
            long k1 = Long.parseLong(r.get("k1"));
            long n1 = Long.parseLong(r.get("n1"));
            long k2 = Long.parseLong(r.get("k2"));
            long n2 = Long.parseLong(r.get("n2"));
            Interval d = Proportions.newcombeDifference(k1, n1, k2, n2, 0.95);
            String at = k1 + "/" + n1 + " - " + k2 + "/" + n2;
            close(at + " estimate", r.get("estimate"), d.estimate(), CLOSED_FORM);
            close(at + " lower", r.get("lower"), d.lower(), CLOSED_FORM);
            close(at + " upper", r.get("upper"), d.upper(), CLOSED_FORM);
        }
    }
}
