"""The stegvis metric suite written the way an analyst would in pandas: read the canonical CSV
files, derive one row per episode, group and count. Same definitions as src/main/resources/sql/
and docs/metrics.md (main table of each metric; no disclosure control, no bootstrap).

    python pandas_suite.py CSV_DIR [--standalone]   timings, one `name<TAB>seconds<TAB>cpu seconds` line each
    python pandas_suite.py CSV_DIR --dump OUT_DIR   the results as CSV (check_pandas.py compares them)
"""
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

MILESTONES = ["decision_not_relevant", "declined", "decision_accepted", "first_meeting", "mapping_done",
              "plan_established", "activity_start", "exit"]
SUS5_TO_STEGVIS7 = {1: 1, 2: 2, 3: 4, 4: 5, 5: 7}
POSITIVE = {"arbete", "studier"}
Z = 1.959963984540054


def load(csv):
    d = Path(csv)
    return {
        "episodes": pd.read_csv(d / "episodes.csv", parse_dates=["referral_date"]),
        "events": pd.read_csv(d / "events.csv", parse_dates=["event_date"]),
        "assessments": pd.read_csv(d / "step_assessments.csv", parse_dates=["assessed_on"]),
        "exits": pd.read_csv(d / "exits.csv", parse_dates=["exit_date"]),
        "follow_ups": pd.read_csv(d / "follow_ups.csv", parse_dates=["observed_on"]),
        "staffing": pd.read_csv(d / "staffing.csv"),
    }


def wilson(k, n):
    k, n = np.asarray(k, float), np.asarray(n, float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
        half = Z / (1 + Z * Z / n) * np.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return p, centre - half, centre + half


class Data:
    """The loaded tables and the per-episode frames derived from them (computed once, reused)."""

    def __init__(self, t):
        self.t = t
        self.cache = {}
        self.as_of = max(t["events"].event_date.max(), t["exits"].exit_date.max(),
                         t["assessments"].assessed_on.max(), t["episodes"].referral_date.max())

    def get(self, name, build):
        if name not in self.cache:
            self.cache[name] = build(self)
        return self.cache[name]


def selection(d):
    e = d.t["episodes"]
    e = e[(e.episode_kind == "enrolled") & (e.referral_date <= d.as_of)].copy()
    age = e.referral_date.dt.year - e.birth_year
    e["age_band"] = pd.cut(age, [-1, 24, 34, 44, 54, 200], labels=["16-24", "25-34", "35-44", "45-54", "55-"]) \
        .astype(str).replace("nan", "unknown")
    e["unit"] = e.programme + "/" + e.municipality
    return e.set_index("episode_id")


def milestones(d):
    sel = d.get("selection", selection)
    ev = d.t["events"]
    ev = ev[(ev.event_date <= d.as_of) & ev.episode_id.isin(sel.index)]
    first = ev.pivot_table(index="episode_id", columns="event_type", values="event_date", aggfunc="min")
    m = sel.join(first.reindex(columns=MILESTONES))
    x = d.t["exits"]
    x = x[x.exit_date <= d.as_of].set_index("episode_id")
    m = m.join(x[["exit_date", "destination"]])
    m["exit_date"] = m.exit_date.fillna(m["exit"])
    m["positive_exit"] = m.destination.isin(POSITIVE)
    m["end_date"] = m.exit_date.fillna(m[["decision_not_relevant", "declined"]].min(axis=1))
    m["status"] = np.select(
        [m.exit_date.notna() & m.positive_exit, m.exit_date.notna(), m.decision_not_relevant.notna(),
         m.declined.notna(), m.activity_start.notna(), m.plan_established.notna(), m.mapping_done.notna(),
         m.first_meeting.notna(), m.decision_accepted.notna()],
        ["exited_positive", "exited_other", "not_relevant", "declined", "in_activity", "planned", "mapped", "met",
         "accepted"], "awaiting_decision")
    return m


def assessments(d):
    sel = d.get("selection", selection)
    a = d.t["assessments"]
    a = a[(a.assessed_on <= d.as_of) & a.episode_id.isin(sel.index)].copy()
    a["step_std"] = np.where(a.ladder == "stegvis-7", a.step, a.step.map(SUS5_TO_STEGVIS7))
    a["default"] = a.ladder == "stegvis-7"
    a = a.sort_values(["episode_id", "assessed_on", "default", "ladder"], ascending=[True, True, False, True])
    a = a.drop_duplicates(["episode_id", "assessed_on"])
    a["prev_step"] = a.groupby("episode_id").step_std.shift(1)
    return a


def episode_steps(d):
    a = d.get("assessments", assessments)
    a = a.assign(up=a.step_std > a.prev_step, down=a.step_std < a.prev_step)
    g = a.groupby("episode_id")
    return pd.DataFrame({"assessments": g.size(), "entry_step": g.step_std.first(), "latest_step": g.step_std.last(),
                         "ever_up": g.up.any(), "ever_down": g.down.any()})


def funnel(d):
    m = d.get("milestones", milestones)
    n = len(m)
    counts = {"referred": n, "decision_not_relevant": m.decision_not_relevant.notna().sum(),
              "declined": m.declined.notna().sum(), "decision_accepted": m.decision_accepted.notna().sum(),
              "first_meeting": m.first_meeting.notna().sum(), "mapping_done": m.mapping_done.notna().sum(),
              "plan_established": m.plan_established.notna().sum(), "activity_start": m.activity_start.notna().sum(),
              "exit": m.exit_date.notna().sum(), "positive_exit": (m.exit_date.notna() & m.positive_exit).sum()}
    f = pd.DataFrame({"stage": list(counts), "n": list(counts.values())})
    f["share"], f["lower"], f["upper"] = wilson(f.n, n)
    now = m.status.value_counts().rename_axis("status").reset_index(name="n")
    now = pd.concat([now, pd.DataFrame({"status": ["total"], "n": [n]})], ignore_index=True)
    now["share"], now["lower"], now["upper"] = wilson(now.n, n)
    return {"stages": f, "now": now}


def steps(d):
    st = d.get("episode_steps", episode_steps)
    two = st[st.assessments >= 2]
    net = two.latest_step - two.entry_step
    row = {"n_episodes": len(d.get("selection", selection)), "n_assessed": len(st), "n_two_plus": len(two),
           "mean_entry": st.entry_step.mean(), "mean_latest": st.latest_step.mean(), "mean_net": net.mean(),
           "n_up": (net > 0).sum(), "n_same": (net == 0).sum(), "n_down": (net < 0).sum(),
           "n_ever_up": two.ever_up.sum(), "n_ever_down": two.ever_down.sum()}
    for k in ["up", "down", "ever_up", "ever_down"]:
        row["share_" + k], row[k + "_lower"], row[k + "_upper"] = (float(v) for v in wilson(row["n_" + k], len(two)))
    dist = pd.DataFrame({"n_entry": st.entry_step.value_counts(), "n_latest": st.latest_step.value_counts()}) \
        .reindex(range(1, 8)).fillna(0).astype(int)
    return {"summary": pd.DataFrame([row]), "distribution": dist.rename_axis("step").reset_index()}


def transitions(d):
    a = d.get("assessments", assessments)
    pairs = a[a.prev_step.notna()]
    grid = pd.crosstab(pairs.prev_step.astype(int), pairs.step_std.astype(int)) \
        .reindex(index=range(1, 8), columns=range(1, 8), fill_value=0)
    t = grid.stack().rename_axis(["from_step", "to_step"]).reset_index(name="n")
    t["share"], t["lower"], t["upper"] = wilson(t.n, t.groupby("from_step").n.transform("sum"))
    return {"consecutive": t}


def km(days, event):
    """Kaplan-Meier at the distinct times: (time, S, Greenwood variance sum)."""
    tab = pd.DataFrame({"t": days, "d": event.astype(int)}).groupby("t").d.agg(["sum", "count"])
    at_risk = tab["count"][::-1].cumsum()[::-1]
    s = np.cumprod(1 - tab["sum"] / at_risk)
    with np.errstate(divide="ignore", invalid="ignore"):
        gw = np.cumsum(tab["sum"] / (at_risk * (at_risk - tab["sum"])))
    return pd.DataFrame({"time": tab.index, "surv": s.values, "gw": gw.values, "events": tab["sum"].values,
                         "at_risk": at_risk.values})


def quantile(curve, p):
    hit = curve[curve.surv <= 1 - p]
    return float(hit.time.iloc[0]) if len(hit) else np.nan


def spans(d, start="referral_date", stop="first_meeting"):
    m = d.get("milestones", milestones)
    m = m[m[start].notna()]
    censor = m.end_date.fillna(d.as_of)
    ev = m[stop].notna()
    days = np.where(ev, (m[stop] - m[start]).dt.days, (np.maximum(censor, m[start]) - m[start]).dt.days)
    out = pd.DataFrame({"days": days.astype(int), "event": ev.values, "referral_date": m.referral_date.values}, index=m.index)
    return out[~(ev & (m[stop] < m[start])).values]


def leadtime_summary(sp, within=30):
    c = km(sp.days.values, sp.event.values)
    row = {"n": len(sp), "events": int(sp.event.sum()), "median": quantile(c, .5), "q25": quantile(c, .25),
           "q75": quantile(c, .75)}
    at = c[c.time <= within]
    s, gw = (at.surv.iloc[-1], at.gw.iloc[-1]) if len(at) else (1.0, 0.0)
    # log-log pointwise interval of S(within), as survfit(conf.type = "log-log")
    with np.errstate(divide="ignore", invalid="ignore"):
        se = np.sqrt(gw) / abs(np.log(s))
        lo, hi = s ** np.exp(Z * se), s ** np.exp(-Z * se)
    row.update(share_within=1 - s, within_lower=1 - hi, within_upper=1 - lo)
    return row, c


def leadtime(d):
    row, curve = leadtime_summary(spans(d))
    return {"summary": pd.DataFrame([row]), "curve": curve[["time", "surv"]]}


def leadtime_split(d):
    """Lead time, baseline (referred before 2020) against comparison: medians, difference, log-rank
    (stegvis adds a 1000-replicate bootstrap interval of the difference, not done here)."""
    sp = spans(d)
    arm = np.where(sp.referral_date < pd.Timestamp("2020-01-01"), "baseline", "comparison")
    summary, _ = leadtime_summary(sp)
    row = {}
    for a in ["baseline", "comparison"]:
        r, _ = leadtime_summary(sp[arm == a])
        row.update({a + "_n": r["n"], a + "_events": r["events"], a + "_median": r["median"]})
    row["median_difference"] = row["comparison_median"] - row["baseline_median"]
    # log-rank test (1 df)
    tab = pd.crosstab(sp.days, [arm, sp.event.values]).reindex(
        columns=pd.MultiIndex.from_product([["baseline", "comparison"], [False, True]]), fill_value=0)
    at_risk = tab.T.groupby(level=0).sum().T[::-1].cumsum()[::-1]
    d1, dall = tab[("baseline", True)], tab[("baseline", True)] + tab[("comparison", True)]
    r1, r = at_risk["baseline"], at_risk.sum(axis=1)
    expected = (dall * r1 / r).sum()
    var = (dall * (r1 / r) * (1 - r1 / r) * (r - dall) / (r - 1).where(r > 1, 1)).sum()
    row["chi_square"] = (d1.sum() - expected) ** 2 / var
    row["p_value"] = stats.chi2.sf(row["chi_square"], 1)
    return {"summary": pd.DataFrame([summary]), "comparison": pd.DataFrame([row])}


def flow(d):
    m = d.get("milestones", milestones)
    months = pd.period_range(m.referral_date.min().to_period("M"), d.as_of.to_period("M"), freq="M")
    inflow = m.referral_date.dt.to_period("M").value_counts()
    ended = m[m.end_date.notna()]
    end_month = ended.end_date.dt.to_period("M")
    exits = ended.exit_date.notna().groupby(end_month).sum()
    other = ended.exit_date.isna().groupby(end_month).sum()
    days_to_exit = (ended.exit_date - ended.referral_date).dt.days.groupby(end_month).mean()
    days_to_end = (ended.end_date - ended.referral_date).dt.days.groupby(end_month).sum()
    staff = d.t["staffing"].groupby(pd.PeriodIndex(d.t["staffing"].month, freq="M")).fte.sum()
    f = pd.DataFrame(index=months)
    f["inflow"] = inflow.reindex(months, fill_value=0)
    f["exits"] = exits.reindex(months, fill_value=0)
    f["other_ends"] = other.reindex(months, fill_value=0)
    f["wip"] = (f.inflow - f.exits - f.other_ends).cumsum()
    f["fte"] = staff.reindex(months)
    f["exits_per_fte"] = f.exits / f.fte
    f["mean_days_to_exit"] = days_to_exit.reindex(months)
    open_ = m[m.end_date.isna()]
    age = (d.as_of - open_.referral_date).dt.days
    ageing = pd.cut(age, [-1, 90, 180, 365, 730, 10 ** 6], labels=["0-90", "91-180", "181-365", "366-730", "731-"]) \
        .value_counts(sort=False)
    ended_n = f.exits.sum() + f.other_ends.sum()
    little = {"months": len(f), "ended": ended_n, "mean_wip": f.wip.mean(), "throughput_per_month": ended_n / len(f),
              "mean_months_to_end": days_to_end.reindex(months, fill_value=0).sum() / ended_n / (365.25 / 12)}
    little["ratio"] = little["mean_wip"] / (little["throughput_per_month"] * little["mean_months_to_end"])
    return {"periods": f.rename_axis("month").reset_index(), "ageing": ageing.rename_axis("age_days").reset_index(name="n"),
            "little": pd.DataFrame([little])}


def episode_outcomes(d, plan_days=30):
    m = d.get("milestones", milestones)
    st = d.get("episode_steps", episode_steps).reindex(m.index)
    o = pd.DataFrame(index=m.index)
    o["unit"], o["municipality"], o["age_band"] = m.unit, m.municipality, m.age_band
    o["gender"] = m.gender.fillna("unknown")
    o["exit_date"] = m.exit_date
    o["exited"] = m.exit_date.notna()
    o["positive"] = o.exited & m.positive_exit
    o["dropout"] = o.exited & (m.destination == "avbrott")
    o["two_plus"] = st.assessments.fillna(0) >= 2
    o["step_up"] = o.two_plus & (st.latest_step > st.entry_step)
    o["plan_eligible"] = m.decision_accepted.notna() & (m.referral_date + pd.Timedelta(days=plan_days) <= d.as_of)
    o["plan_within"] = o.plan_eligible & m.plan_established.notna() & \
        ((m.plan_established - m.referral_date).dt.days <= plan_days)
    return o


def outcomes(d):
    o = d.get("episode_outcomes", episode_outcomes)
    rates = pd.DataFrame([("exit_work_or_studies", o.positive.sum(), o.exited.sum()),
                          ("dropout", o.dropout.sum(), o.exited.sum()),
                          ("step_up", o.step_up.sum(), o.two_plus.sum()),
                          ("plan_within", o.plan_within.sum(), o.plan_eligible.sum())],
                         columns=["outcome", "n", "denominator"])
    rates["rate"], rates["lower"], rates["upper"] = wilson(rates.n, rates.denominator)
    fups = d.t["follow_ups"]
    fups = fups[fups.observed_on.isna() | (fups.observed_on <= d.as_of)]
    due = o[o.exited][["exit_date"]].reset_index().merge(pd.DataFrame({"offset_days": fups.offset_days.unique()}),
                                                           how="cross")
    due = due[due.exit_date + pd.to_timedelta(due.offset_days, unit="D") <= d.as_of]
    f = due.merge(fups, on=["episode_id", "offset_days"], how="left")
    f["observed"] = f.status.notna() & (f.status != "lost")
    f["positive"] = f.status.isin(POSITIVE)
    fu = f.groupby("offset_days").agg(due=("episode_id", "size"), observed=("observed", "sum"),
                                       positive=("positive", "sum"))
    fu["lost"] = fu.due - fu.observed
    fu["share_lost"], fu["lost_lower"], fu["lost_upper"] = wilson(fu.lost, fu.due)
    fu["share_positive"], fu["lower"], fu["upper"] = wilson(fu.positive, fu.observed)
    return {"rates": rates, "follow_up": fu.reset_index()}


def flow_quality(d):
    o = d.get("episode_outcomes", episode_outcomes)
    ex = o[o.exited].copy()
    ex["quarter"] = ex.exit_date.dt.year.astype(str) + "-Q" + ex.exit_date.dt.quarter.astype(str)
    q = ex.groupby(["unit", "quarter"]).agg(exits=("exited", "size"), positive=("positive", "sum"),
                                            two_plus=("two_plus", "sum"), step_up=("step_up", "sum"))
    s = d.t["staffing"].assign(unit=lambda x: x.programme + "/" + x.municipality,
                               quarter=lambda x: x.month.str[:4] + "-Q" + ((x.month.str[5:7].astype(int) + 2) // 3).astype(str))
    fte = s.groupby(["unit", "quarter"]).fte.sum() / 3
    q = q.join(fte)
    q["exits_per_fte"] = q.exits / q.fte
    q["positive_rate"], q["lower"], q["upper"] = wilson(q.positive, q.exits)
    q["step_up_rate"], q["step_lower"], q["step_upper"] = wilson(q.step_up, q.two_plus)
    return {"quarterly": q.reset_index()}


def compare(d):
    o = d.get("episode_outcomes", episode_outcomes)
    o = o[o.exited]
    g = o.groupby("municipality").agg(events=("positive", "sum"), n=("positive", "size"))
    total_k, total_n = g.events.sum(), g.n.sum()
    target = total_k / total_n
    g["rate"], g["lower"], g["upper"] = wilson(g.events, g.n)
    def limit(p):  # exact binomial quantile, interpolated (Spiegelhalter 2005, A.1.1)
        r = stats.binom.ppf(p, g.n, target)
        alpha = (stats.binom.cdf(r, g.n, target) - p) / stats.binom.pmf(r, g.n, target)
        return ((r - alpha) / g.n).clip(0, 1)

    for level, name in [(0.95, "95"), (0.998, "998")]:
        g["funnel_lower" + name] = limit((1 - level) / 2)
        g["funnel_upper" + name] = limit(1 - (1 - level) / 2)
    # Newcombe hybrid score interval of the difference from all other groups; Fisher's exact test
    ok, on = total_k - g.events, total_n - g.n
    p2, l2, u2 = wilson(ok, on)
    g["difference"] = g.rate - p2
    g["diff_lower"] = g.difference - np.sqrt((g.rate - g.lower) ** 2 + (u2 - p2) ** 2)
    g["diff_upper"] = g.difference + np.sqrt((g.upper - g.rate) ** 2 + (p2 - l2) ** 2)
    g["fisher_p"] = [stats.fisher_exact([[k, n - k], [k2, n2 - k2]])[1]
                     for k, n, k2, n2 in zip(g.events, g.n, ok, on)]
    # direct standardisation to the whole selection's age band x gender mix
    strata = o.groupby(["municipality", "age_band", "gender"]).positive.agg(["sum", "size"])
    weight = o.groupby(["age_band", "gender"]).size() / len(o)
    r = (strata["sum"] / strata["size"]).rename("r").reset_index() \
        .merge(weight.rename("w").reset_index(), on=["age_band", "gender"])
    used = r.groupby("municipality").w.sum()
    g["std_rate"] = (r.r * r.w).groupby(r.municipality).sum() / used
    g = g.reset_index()
    whole = pd.DataFrame([{"municipality": "all", "events": total_k, "n": total_n}])
    whole["rate"], whole["lower"], whole["upper"] = wilson(whole.events, whole.n)
    return {"groups": pd.concat([g, whole], ignore_index=True)}


SUITE = {"funnel": funnel, "steps": steps, "transitions": transitions, "leadtime": leadtime,
         "leadtime_split": leadtime_split, "flow": flow, "outcomes": outcomes, "flow_quality": flow_quality,
         "compare": compare}


def timed(f):
    """Wall-clock and process CPU seconds of f()."""
    start, cpu = time.perf_counter(), time.process_time()
    f()
    return time.perf_counter() - start, time.process_time() - cpu


def report(name, wall_cpu):
    print(f"{name}\t{wall_cpu[0]:.4f}\t{wall_cpu[1]:.4f}", flush=True)


def main():
    csv = sys.argv[1]
    if "--dump" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--dump") + 1])
        out.mkdir(parents=True, exist_ok=True)
        d = Data(load(csv))
        for name, metric in SUITE.items():
            for part, frame in metric(d).items():
                frame.to_csv(out / f"{name}.{part}.csv", index=False)
        return
    tables = {}
    report("load", timed(lambda: tables.update(load(csv))))
    d = Data(tables)
    parts = {name: timed(lambda: metric(d)) for name, metric in SUITE.items()}
    for name, wall_cpu in parts.items():
        report("in_suite_" + name, wall_cpu)
    report("suite_without_dq", tuple(map(sum, zip(*parts.values()))))
    if "--standalone" in sys.argv:
        for name, metric in SUITE.items():
            d.cache.clear()
            report(name, timed(lambda: metric(d)))


if __name__ == "__main__":
    main()
