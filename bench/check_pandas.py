"""Checks that the pandas suite computes what stegvis computes (so the timings compare like with like):
both dump their results for the demo cohort of SIZE episodes (stegvis unsuppressed), and the key
columns of each metric must agree; the Kaplan-Meier curve and median are also checked against lifelines.

    python bench/check_pandas.py SIZE     (needs bench/work/csv-SIZE and store-SIZE.duckdb: run.py makes them)
"""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from lifelines import KaplanMeierFitter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pandas_suite  # noqa: E402
from run import JAVA, WORK, ROOT  # noqa: E402

# metric.part -> (key columns stegvis, key columns pandas, value columns compared)
CHECKS = {
    "funnel.stages": (["stage"], ["stage"], ["n", "share"]),
    "funnel.now": (["status"], ["status"], ["n"]),
    "steps.summary": ([], [], ["n_episodes", "n_assessed", "n_two_plus", "mean_entry", "mean_latest", "mean_net", "n_up",
                               "n_same", "n_down", "n_ever_up", "n_ever_down", "up_lower", "ever_down_upper"]),
    "steps.distribution": (["step"], ["step"], ["n_entry", "n_latest"]),
    "transitions.consecutive": (["from_step", "to_step"], ["from_step", "to_step"], ["n", "share", "lower"]),
    "leadtime.summary": ([], [], ["n", "events", "median", "q25", "q75", "share_within", "within_lower", "within_upper"]),
    "leadtime.curve": (["time"], ["time"], ["surv"]),
    "leadtime_split.summary": ([], [], ["n", "events", "median", "q25", "q75", "share_within"]),
    "leadtime_split.comparison": ([], [], ["baseline_n", "baseline_events", "baseline_median", "comparison_n",
                                           "comparison_events", "comparison_median", "median_difference",
                                           "chi_square", "p_value"]),
    "flow.periods": (["period"], ["month"], ["inflow", "exits", "other_ends", "wip", "fte", "mean_days_to_exit"]),
    "flow.ageing": (["age_days"], ["age_days"], ["n"]),
    "flow.little": ([], [], ["months", "ended", "mean_wip", "throughput_per_month", "mean_months_to_end", "ratio"]),
    "outcomes.rates": (["outcome"], ["outcome"], ["n", "denominator", "rate", "lower"]),
    "outcomes.follow_up": (["offset_days"], ["offset_days"], ["due", "observed", "lost", "positive"]),
    "flow_quality.quarterly": (["group", "quarter"], ["unit", "quarter"],
                               ["exits", "fte", "positive", "two_plus", "step_up", "positive_rate"]),
    "compare.groups": (["group"], ["municipality"], ["events", "n", "rate", "funnel_lower95", "funnel_upper998",
                                                     "difference", "diff_lower", "fisher_p", "std_rate"]),
}


def key_text(column):
    """A key as text that both sides write alike: numbers by value (3, 3.0 and "3" are one key)."""
    numbers = pd.to_numeric(column, errors="coerce")
    if numbers.notna().all():
        return numbers.astype(float).map(repr)
    return column.astype(str)


def main():
    size = int(sys.argv[1])
    out = WORK / f"check-{size}"
    subprocess.run(JAVA + ["dump", str(WORK / f"store-{size}.duckdb"), str(out / "stegvis")], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    d = pandas_suite.Data(pandas_suite.load(WORK / f"csv-{size}"))
    failures = []
    for name, metric in pandas_suite.SUITE.items():
        result = metric(d)
        for part, frame in result.items():
            key = f"{name}.{part}"
            if key not in CHECKS:
                continue
            skeys, pkeys, values = CHECKS[key]
            s = pd.read_csv(out / "stegvis" / f"{key}.csv", comment="#")  # provenance lines start with #
            p = frame.copy()
            if "group" in s.columns and "group" not in skeys and s.group.nunique() == 1:
                s = s.drop(columns="group")
            for k in pkeys:
                p[k] = key_text(p[k])
            for k in skeys:
                s[k] = key_text(s[k])
            if skeys:
                s = s.set_index(skeys)
                p = p.set_index(pkeys)
                p.index.names = skeys
                p = p.reindex(s.index)
            for v in values:
                if v not in s.columns or v not in p.columns:
                    failures.append(f"{key}.{v}: column missing")
                    continue
                sv = pd.to_numeric(s[v], errors="coerce").to_numpy(float)
                pv = pd.to_numeric(p[v], errors="coerce").to_numpy(float)
                if len(sv) != len(pv):
                    failures.append(f"{key}.{v}: {len(sv)} rows in stegvis, {len(pv)} in pandas")
                elif not np.allclose(sv, pv, rtol=1e-3, atol=6e-4, equal_nan=True):
                    bad = np.flatnonzero(~np.isclose(sv, pv, rtol=1e-3, atol=6e-4, equal_nan=True))[:3]
                    failures.append(f"{key}.{v}: stegvis {sv[bad]} pandas {pv[bad]} (rows {bad})")
    # the straightforward Kaplan-Meier of the pandas suite against lifelines
    sp = pandas_suite.spans(d)
    kmf = KaplanMeierFitter().fit(sp.days, sp.event)
    ours = pandas_suite.km(sp.days.values, sp.event.values).set_index("time").surv
    theirs = kmf.survival_function_.KM_estimate.reindex(ours.index)
    if not np.allclose(ours, theirs) or kmf.median_survival_time_ != pandas_suite.quantile(ours.reset_index(), .5):
        failures.append(f"Kaplan-Meier differs from lifelines (median {kmf.median_survival_time_})")
    for f in failures:
        print("MISMATCH", f)
    print(f"check_pandas {size}: {len(CHECKS)} tables compared, {len(failures)} mismatches")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
