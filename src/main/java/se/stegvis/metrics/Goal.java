package se.stegvis.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import se.stegvis.cohort.Cohort;

/**
 * A target set at the start of a project, e.g. "exit to work or studies within 730 days: 30 %".
 * Goals live in the project settings file (Java properties, like {@code disclosure.threshold}):
 *
 * <pre>
 * goal.work2y.label=Arbete eller studier inom två år
 * goal.work2y.rate=exit_work_or_studies
 * goal.work2y.within_days=730
 * goal.work2y.target=0.30
 * goal.work2y.direction=at_least
 * goal.work2y.programme=evi
 * goal.work2y.municipality=Ludvika,Smedjebacken
 * </pre>
 *
 * @param id the key between {@code goal.} and the field
 * @param label what the goal says, as written in the project plan
 * @param rate one of {@link #RATES}; anything else is listed as not measurable
 * @param withinDays the N of "within N days" (exit to work or studies, joint plan), 0 when not used
 * @param target the target share, 0..1
 * @param atMost true when the share should stay at or below the target (e.g. drop-outs)
 * @param programmes only these programmes (empty: all)
 * @param municipalities only these municipalities (empty: all)
 */
public record Goal(String id, String label, String rate, int withinDays, double target, boolean atMost,
                   List<String> programmes, List<String> municipalities) {

    /** The rates a goal can name. */
    public static final List<String> RATES = List.of("exit_work_or_studies", "dropout", "step_up", "plan_within",
            "right_support");

    public Goal {
        programmes = List.copyOf(programmes);
        municipalities = List.copyOf(municipalities);
    }

    /** The selection the goal is about. */
    Cohort cohort() {
        Cohort c = Cohort.all();
        if (!programmes.isEmpty()) {
            c = c.programme(programmes.toArray(String[]::new));
        }
        if (!municipalities.isEmpty()) {
            c = c.municipality(municipalities.toArray(String[]::new));
        }
        return c;
    }

    /** The goals of a settings file, in the order of their ids; none when the file has none. */
    public static List<Goal> fromSettings(Path settings) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(settings)) {
            p.load(r);
        }
        TreeSet<String> ids = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("goal.") && key.indexOf('.', 5) > 5) {
                ids.add(key.substring(5, key.indexOf('.', 5)));
            }
        }
        List<Goal> out = new ArrayList<>();
        for (String id : ids) {
            String prefix = "goal." + id + ".";
            String target = p.getProperty(prefix + "target");
            if (target == null) {
                throw new IllegalArgumentException(settings + ": " + prefix + "target is missing (a share such as 0.30)");
            }
            double t;
            try {
                t = Double.parseDouble(target.trim().replace(',', '.').replace("%", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(settings + ": " + prefix + "target is not a number: " + target, e);
            }
            t = target.contains("%") ? t / 100 : t;
            String direction = p.getProperty(prefix + "direction", "at_least").trim().toLowerCase(Locale.ROOT);
            if (!direction.equals("at_least") && !direction.equals("at_most")) {
                throw new IllegalArgumentException(settings + ": " + prefix + "direction is at_least or at_most, not " + direction);
            }
            out.add(new Goal(id, p.getProperty(prefix + "label", id), p.getProperty(prefix + "rate", "").trim(),
                    Integer.parseInt(p.getProperty(prefix + "within_days", "0").trim()), t, direction.equals("at_most"),
                    list(p.getProperty(prefix + "programme")), list(p.getProperty(prefix + "municipality"))));
        }
        return out;
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }
}
