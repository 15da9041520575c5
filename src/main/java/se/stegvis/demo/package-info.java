/**
 * The synthetic demo cohort: {@code ./stegvis demo}. {@link se.stegvis.demo.DemoProfiles} describes
 * each programme, municipality and period in named numbers taken from the evaluation reports;
 * {@link se.stegvis.demo.CohortModel} turns (seed, episode index) into one episode, so the cohort
 * streams and parallelises; {@link se.stegvis.demo.DemoCohort} writes the canonical CSV files.
 *
 * <p>Conventions of the generated data: an episode judged not relevant, declined, or seen as a
 * consultation only ({@code episode_kind = consultation}) ends with that event and has no exit row;
 * an enrolled episode without an exit row is still in the programme at the as-of date; programmes
 * that closed (IST, Kaosam's SIP work, UMA, Klientsupport) hand over whoever is left, as exits to
 * {@code annan_insats} at the close; drop-outs are exits to {@code avbrott}.
 */
package se.stegvis.demo;
