# Regenerates the golden files the se.stegvis.stats tests compare against.
# Usage: Rscript r/golden.R OUT_DIR [INPUT_DIR]   (make golden)
# Inputs: the hand-made CSVs in INPUT_DIR (default src/test/resources/stats) plus R datasets
# (survival's lung, aml, ovarian), which this script also writes to INPUT_DIR so Java reads the same data.
suppressPackageStartupMessages({ library(survival) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "src/test/resources/golden"
inp <- if (length(args) >= 2) args[2] else "src/test/resources/stats"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

# Full precision, NA as NA, no quotes: Java parses these with Double.parseDouble.
w <- function(df, name, dir = out) {
  for (j in seq_along(df)) if (is.numeric(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]])
  write.table(df, file.path(dir, name), sep = ",", row.names = FALSE, quote = FALSE, na = "NA")
}
rd <- function(name) read.csv(file.path(inp, name), stringsAsFactors = FALSE)

# ---- inputs from R's datasets --------------------------------------------------------------------
lung_in <- data.frame(time = lung$time, status = lung$status - 1, group = as.character(lung$sex))
w(lung_in, "lung.csv", inp)
lung_s <- lung[!is.na(lung$ph.ecog), ]
w(data.frame(time = lung_s$time, status = lung_s$status - 1, group = as.character(lung_s$sex),
             stratum = as.character(lung_s$ph.ecog)), "lung_strata.csv", inp)
w(data.frame(time = lung_s$time, status = lung_s$status - 1, group = as.character(lung_s$ph.ecog)), "lung_ecog.csv", inp)
w(data.frame(time = aml$time, status = aml$status, group = as.character(aml$x)), "aml.csv", inp)
w(data.frame(time = ovarian$futime, status = ovarian$fustat, group = as.character(ovarian$rx),
             stratum = as.character(ovarian$resid.ds)), "ovarian.csv", inp)

chan <- boot::channing
chan <- chan[chan$entry < chan$exit, ]  # survfit drops the 4 rows with entry == exit (NA); we refuse them
w(data.frame(entry = chan$entry, time = chan$exit, status = chan$cens, group = as.character(chan$sex)), "channing.csv", inp)
# demo_leadtime_*: per-episode lead times of the default demo cohort (make demo), exported by
# `./stegvis metrics leadtime ... --unsuppressed --episodes-csv` (make golden does it first).
km_cases <- c("lung", "aml", "ovarian", "ties", "all_censored", "single_event", "half_then_drop",
              "half_at_end", "all_events", "late_entry", "channing",
              "demo_leadtime_first_meeting", "demo_leadtime_exit")
conf_types <- c("log-log", "log", "plain")
probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)

# late entry (left truncation) when the input has an entry column: Surv(entry, time, status)
fit_km <- function(d, ct) {
  y <- if ("entry" %in% names(d)) with(d, Surv(entry, time, status)) else with(d, Surv(time, status))
  if ("group" %in% names(d)) survfit(y ~ group, data = d, conf.type = ct) else survfit(y ~ 1, data = d, conf.type = ct)
}
groups_of <- function(d) if ("group" %in% names(d)) sort(unique(d$group)) else ""
one_group <- function(fit, g) if (is.null(fit$strata)) fit else fit[paste0("group=", g)]

# ---- Kaplan-Meier: every distinct time, summary(print) medians, quantiles, restricted means -------
for (case in km_cases) {
  d <- rd(paste0(case, ".csv"))
  for (ct in conf_types) {
    fit <- fit_km(d, ct)
    rows <- list(); summ <- list(); qs <- list()
    for (g in groups_of(d)) {
      f <- one_group(fit, g)
      s <- summary(f, censored = TRUE)
      rows[[g]] <- data.frame(group = g, time = s$time, n_risk = s$n.risk, n_event = s$n.event,
                              n_censor = s$n.censor, surv = s$surv, std_err = s$std.err,
                              lower = s$lower, upper = s$upper)
      tab <- summary(f)$table
      summ[[g]] <- data.frame(group = g, n = tab[["records"]], n_max = tab[["n.max"]], events = tab[["events"]],
                              median = tab[["median"]], median_lower = tab[[8]], median_upper = tab[[9]])
      q <- quantile(f, probs)
      qs[[g]] <- data.frame(group = g, p = probs, quantile = unname(q$quantile),
                            lower = unname(q$lower), upper = unname(q$upper))
    }
    tag <- gsub("-", "", ct)
    w(do.call(rbind, rows), sprintf("km_%s_%s.csv", case, tag))
    w(do.call(rbind, summ), sprintf("km_summary_%s_%s.csv", case, tag))
    w(do.call(rbind, qs), sprintf("km_quantiles_%s_%s.csv", case, tag))
  }
  fit <- fit_km(d, "log-log")
  rm <- list()
  # R refuses a horizon before a group's first time, so start at the latest first time
  first <- max(sapply(groups_of(d), function(g) min(one_group(fit, g)$time)))
  for (g in groups_of(d)) {
    f <- one_group(fit, g)
    for (tau in c(first, median(d$time), max(d$time), max(d$time) * 1.25)) {
      tab <- summary(f, rmean = tau)$table
      rm[[length(rm) + 1]] <- data.frame(group = g, tau = tau, rmean = tab[["rmean"]], se = tab[["se(rmean)"]])
    }
  }
  w(do.call(rbind, rm), sprintf("km_rmean_%s.csv", case))
}

# ---- log-rank (survdiff), plain and stratified ----------------------------------------------------
logrank_out <- function(sd, name) {
  w(data.frame(group = sub("^group=", "", names(sd$n)), n = as.vector(sd$n),
               observed = if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs,
               expected = if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp,
               chisq = sd$chisq, df = length(sd$n) - 1, p = sd$pvalue), name)
}
for (case in c("lung", "aml", "ovarian", "ties", "lung_ecog")) {
  logrank_out(survdiff(Surv(time, status) ~ group, data = rd(paste0(case, ".csv"))), sprintf("logrank_%s.csv", case))
}
logrank_out(survdiff(Surv(time, status) ~ group + strata(stratum), data = rd("lung_strata.csv")), "logrank_strata_lung.csv")
logrank_out(survdiff(Surv(time, status) ~ group + strata(stratum), data = rd("ovarian.csv")), "logrank_strata_ovarian.csv")

# ---- proportions: Wilson (prop.test, no correction), Clopper-Pearson (binom.test), Newcombe 10 -----
grid <- expand.grid(k = c(0, 1, 3, 7, 20), n = c(20, 57), level = c(0.9, 0.95, 0.998))
grid <- rbind(grid, data.frame(k = c(0, 1, 1, 5, 4812), n = c(1, 1, 2, 5, 10000), level = 0.95))
# prop.test warns that its chi-square p-value may be off for small counts; we only take the Wilson interval
wil <- t(mapply(function(k, n, l) suppressWarnings(prop.test(k, n, conf.level = l, correct = FALSE))$conf.int, grid$k, grid$n, grid$level))
cp <- t(mapply(function(k, n, l) binom.test(k, n, conf.level = l)$conf.int, grid$k, grid$n, grid$level))
w(data.frame(grid, estimate = grid$k / grid$n, wilson_lower = wil[, 1], wilson_upper = wil[, 2],
             cp_lower = cp[, 1], cp_upper = cp[, 2]), "proportions.csv")
pairs <- data.frame(k1 = c(56, 9, 6, 5, 0, 0, 10), n1 = c(70, 10, 7, 56, 10, 10, 10),
                    k2 = c(48, 3, 2, 0, 0, 10, 0), n2 = c(80, 10, 7, 29, 20, 20, 10))
newc <- t(mapply(function(k1, n1, k2, n2) {
  p1 <- k1 / n1; p2 <- k2 / n2
  a <- suppressWarnings(prop.test(k1, n1, correct = FALSE))$conf.int; b <- suppressWarnings(prop.test(k2, n2, correct = FALSE))$conf.int
  c(p1 - p2, p1 - p2 - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), p1 - p2 + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
}, pairs$k1, pairs$n1, pairs$k2, pairs$n2))
w(data.frame(pairs, estimate = newc[, 1], lower = newc[, 2], upper = newc[, 3]), "newcombe.csv")

# ---- Aalen-Johansen cumulative incidence: survfit(Surv(time, factor(status)) ~ group) -------------
m2 <- mgus2
w(data.frame(time = ifelse(m2$pstat == 0, m2$futime, m2$ptime),
             status = ifelse(m2$pstat == 0, 2 * m2$death, 1), group = m2$sex), "mgus2.csv", inp)
# etm's abortion data: late entry (entry = week of entering the study), causes 1-3, no censoring
data(abortion, package = "etm")
w(data.frame(entry = abortion$entry, time = abortion$exit, status = abortion$cause, group = abortion$group), "abortion.csv", inp)
for (case in c("cr_ties", "mgus2", "cr_single_event", "cr_group_no_events", "abortion")) {
  d <- rd(paste0(case, ".csv"))
  causes <- sort(union(0, d$status))  # 0 = censored first; every group gets every cause, 0 where it has none
  for (ct in conf_types) {
    res <- list()
    for (g in groups_of(d)) {
      dg <- if (g == "") d else d[d$group == g, ]
      dg$id <- seq_len(nrow(dg))
      y <- if ("entry" %in% names(dg)) with(dg, Surv(entry, time, factor(status, causes)))
           else with(dg, Surv(time, factor(status, causes)))
      f <- survfit(y ~ 1, data = dg, id = id, conf.type = ct)
      s <- summary(f, censored = TRUE)
      states <- s$states
      for (j in which(states != "(s0)")) {
        res[[length(res) + 1]] <- data.frame(group = g, cause = states[j], time = s$time,
          n_risk = s$n.risk[, 1], n_event = s$n.event[, j], estimate = s$pstate[, j],
          std_err = s$std.err[, j], lower = s$lower[, j], upper = s$upper[, j])
      }
    }
    w(do.call(rbind, res), sprintf("cuminc_%s_%s.csv", case, gsub("-", "", ct)))
  }
}

# ---- Fisher's exact test and chi-square ---------------------------------------------------------
# Tables are written row-major as "r x c: cells" with cells separated by spaces.
enc <- function(x) paste0(nrow(x), "x", ncol(x), ":", paste(t(x), collapse = " "))
# R's own fisher.test with uniroot's tolerance tightened: the reference for our full-precision roots.
fisher_tight <- fisher.test
body(fisher_tight) <- parse(text = gsub("uniroot(", "uniroot(tol = 1e-14, ", paste(deparse(body(fisher.test)), collapse = "\n"), fixed = TRUE))[[1]]
t22 <- list(c(3, 1, 1, 3), c(10, 2, 3, 15), c(0, 5, 6, 4), c(7, 0, 2, 9), c(1, 9, 11, 3), c(2, 7, 8, 2),
            c(25, 40, 30, 20), c(0, 10, 0, 12), c(5, 5, 5, 5), c(120, 80, 95, 130), c(1, 0, 0, 1))
fr <- list()
for (v in t22) for (lev in c(0.95, 0.9)) {
  x <- matrix(v, 2, byrow = TRUE)
  a <- fisher.test(x, conf.level = lev); b <- fisher_tight(x, conf.level = lev)
  fr[[length(fr) + 1]] <- data.frame(table = enc(x), level = lev, p = a$p.value,
    or = a$estimate, lower = a$conf.int[1], upper = a$conf.int[2],
    or_tight = b$estimate, lower_tight = b$conf.int[1], upper_tight = b$conf.int[2])
}
w(do.call(rbind, fr), "fisher_2x2.csv")
trc <- list(matrix(c(3, 1, 4, 2, 6, 0), 2, byrow = TRUE), matrix(c(2, 3, 1, 4, 0, 5, 1, 2, 6), 3, byrow = TRUE),
            matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9), 3, byrow = TRUE),
            matrix(c(5, 0, 0, 0, 5, 0, 0, 0, 5), 3, byrow = TRUE), matrix(c(4, 4, 4, 4, 4, 4), 2, byrow = TRUE),
            # R's ?fisher.test example: job satisfaction by income
            matrix(c(1, 2, 1, 0, 3, 3, 6, 1, 10, 10, 14, 9, 6, 7, 12, 11), 4, byrow = TRUE))
w(do.call(rbind, lapply(trc, function(x) data.frame(table = enc(x), p = fisher.test(x)$p.value))), "fisher_rxc.csv")
cs <- list()
for (x in c(lapply(t22[-c(8, 11)], function(v) matrix(v, 2, byrow = TRUE)), trc[-4])) for (corr in c(TRUE, FALSE)) {
  warned <- FALSE
  r <- withCallingHandlers(chisq.test(x, correct = corr),
                           warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
  cs[[length(cs) + 1]] <- data.frame(table = enc(x), correct = corr, statistic = unname(r$statistic),
                                     df = unname(r$parameter), p = r$p.value, small_expected = warned)
}
w(do.call(rbind, cs), "chisq.csv")

# ---- step transitions ------------------------------------------------------------------------------
# Histories (id, time, state): in a state from its assessment until the next; a change is a transition
# at the new assessment; follow-up ends at the last assessment. cav (msm): heart-transplant CAV grades.
suppressPackageStartupMessages({ library(etm); library(expm); library(msm) })
cav_in <- data.frame(id = as.character(cav$PTNUM), time = cav$years, state = as.character(cav$state))
w(cav_in, "cav.csv", inp)
segments <- function(h) {
  out <- list()
  for (p in unique(h$id)) {
    x <- h[h$id == p, ]; x <- x[order(x$time), ]
    start <- 1
    if (nrow(x) > 1) for (r in 2:nrow(x)) if (x$state[r] != x$state[start]) {
      out[[length(out) + 1]] <- data.frame(id = p, from = x$state[start], to = x$state[r], entry = x$time[start], exit = x$time[r])
      start <- r
    }
    if (x$time[nrow(x)] > x$time[start])
      out[[length(out) + 1]] <- data.frame(id = p, from = x$state[start], to = "cens", entry = x$time[start], exit = x$time[nrow(x)])
  }
  do.call(rbind, out)
}
for (case in c("histories", "cav")) {
  h <- rd(paste0(case, ".csv")); h$state <- as.character(h$state); h$id <- as.character(h$id)
  states <- sort(unique(h$state))
  h <- h[order(h$id, h$time), ]
  same <- c(FALSE, h$id[-1] == h$id[-nrow(h)])
  from <- factor(h$state[which(same) - 1], levels = states); to <- factor(h$state[same], levels = states)
  tab <- table(from, to)
  cells <- list()
  for (r in states) for (s in states) if (sum(tab[r, ]) > 0) {
    ci <- suppressWarnings(prop.test(tab[r, s], sum(tab[r, ]), correct = FALSE))$conf.int
    cells[[length(cells) + 1]] <- data.frame(from = r, to = s, count = tab[r, s], row_total = sum(tab[r, ]),
                                             proportion = tab[r, s] / sum(tab[r, ]), lower = ci[1], upper = ci[2])
  }
  w(do.call(rbind, cells), sprintf("transitions_%s_cells.csv", case))
  P <- prop.table(tab, 1); P[is.nan(P)] <- 0
  for (r in states) if (sum(tab[r, ]) == 0) P[r, r] <- 1
  proj <- list()
  for (n in c(0, 1, 2, 5)) {
    Pn <- diag(length(states)) ; if (n > 0) for (i in 1:n) Pn <- Pn %*% P
    proj[[length(proj) + 1]] <- data.frame(steps = n, from = rep(states, length(states)),
                                           to = rep(states, each = length(states)), probability = as.vector(Pn))
  }
  w(do.call(rbind, proj), sprintf("transitions_%s_projection.csv", case))
  sg <- segments(h)
  expo <- tapply(sg$exit - sg$entry, factor(sg$from, levels = states), sum); expo[is.na(expo)] <- 0
  ntr <- table(factor(sg$from[sg$to != "cens"], levels = states), factor(sg$to[sg$to != "cens"], levels = states))
  rates <- list()
  Q <- matrix(0, length(states), length(states), dimnames = list(states, states))
  for (r in states) for (s in states) if (r != s && expo[r] > 0) {
    ci <- poisson.test(ntr[r, s], expo[r])$conf.int
    rates[[length(rates) + 1]] <- data.frame(from = r, to = s, transitions = ntr[r, s], exposure = expo[r],
                                             rate = ntr[r, s] / expo[r], lower = ci[1], upper = ci[2])
    Q[r, s] <- ntr[r, s] / expo[r]
  }
  diag(Q) <- -rowSums(Q)
  w(do.call(rbind, rates), sprintf("transitions_%s_rates.csv", case))
  horizon <- max(h$time) / 4
  pt <- list()
  for (tt in c(horizon / 3, horizon)) {
    E <- expm(Q * tt)
    pt[[length(pt) + 1]] <- data.frame(t = tt, from = rep(states, length(states)), to = rep(states, each = length(states)),
                                       probability = as.vector(E))
  }
  w(do.call(rbind, pt), sprintf("transitions_%s_expm.csv", case))
  tra <- matrix(FALSE, length(states), length(states), dimnames = list(states, states))
  for (i in seq_len(nrow(sg))) if (sg$to[i] != "cens") tra[sg$from[i], sg$to[i]] <- TRUE
  # etm refuses censoring in a state never left; such rows carry no information for P(s, t)
  e <- etm(sg[sg$to != "cens" | sg$from %in% rownames(tra)[rowSums(tra) > 0], ], states, tra, "cens", s = 0)
  aj <- list()
  for (i in seq_along(e$time)) {
    aj[[length(aj) + 1]] <- data.frame(time = e$time[i], from = rep(states, length(states)),
      to = rep(states, each = length(states)), probability = as.vector(e$est[, , i]),
      variance = sapply(seq_len(length(states)^2), function(j) {
        r <- states[(j - 1) %% length(states) + 1]; s <- states[(j - 1) %/% length(states) + 1]
        e$cov[paste(r, s), paste(r, s), i] }))
  }
  w(do.call(rbind, aj), sprintf("transitions_%s_etm.csv", case))
}

# ---- funnel-plot limits: exact binomial with Spiegelhalter's (2005, appendix A.1.1) interpolation -----
funnel_limit <- function(p0, n, p) {
  r <- qbinom(p, n, p0)
  alpha <- (pbinom(r, n, p0) - p) / dbinom(r, n, p0)
  pmin(1, pmax(0, (r - alpha) / n))
}
fg <- expand.grid(n = c(1, 5, 12, 30, 57, 100, 250, 1000, 5000), target = c(0.03, 0.2, 0.5, 0.85))
w(data.frame(fg, lower95 = funnel_limit(fg$target, fg$n, 0.025), upper95 = funnel_limit(fg$target, fg$n, 0.975),
             lower998 = funnel_limit(fg$target, fg$n, 0.001), upper998 = funnel_limit(fg$target, fg$n, 0.999)),
  "funnel.csv")

# ---- direct standardisation: epitools::ageadjust.direct (Fay and Feuer 1997), copied verbatim because
# epitools is not a Debian package -------------------------------------------------------------------
ageadjust.direct <- function(count, pop, rate = NULL, stdpop, conf.level = 0.95) {
  if (missing(count) == TRUE & !missing(pop) == TRUE & is.null(rate) == TRUE) count <- rate * pop
  if (missing(pop) == TRUE & !missing(count) == TRUE & is.null(rate) == TRUE) pop <- count/rate
  if (is.null(rate) == TRUE & !missing(count) == TRUE & !missing(pop) == TRUE) rate <- count/pop
  alpha <- 1 - conf.level
  cruderate <- sum(count)/sum(pop)
  stdwt <- stdpop/sum(stdpop)
  dsr <- sum(stdwt * rate)
  dsr.var <- sum((stdwt^2) * (count/pop^2))
  wm <- max(stdwt/pop)
  gamma.lci <- qgamma(alpha/2, shape = (dsr^2)/dsr.var, scale = dsr.var/dsr)
  gamma.uci <- qgamma(1 - alpha/2, shape = ((dsr + wm)^2)/(dsr.var + wm^2), scale = (dsr.var + wm^2)/(dsr + wm))
  c(crude.rate = cruderate, adj.rate = dsr, lci = gamma.lci, uci = gamma.uci)
}
dsr_cases <- list(
  small = list(count = c(3, 7, 12, 5, 9, 2), pop = c(20, 35, 40, 18, 30, 11), std = c(100, 150, 160, 90, 120, 60)),
  rates = list(count = c(141, 926, 1253, 1080, 1869, 4891), pop = c(1784033, 3581020, 3922422, 3104577, 2342714, 1818224),
               std = c(5296261, 8923306, 10149802, 8408040, 6024186, 4510426)),
  zeros = list(count = c(0, 1, 0, 4), pop = c(5, 8, 3, 9), std = c(10, 10, 10, 10)))
dr <- list()
for (nm in names(dsr_cases)) for (lev in c(0.95, 0.9)) {
  x <- dsr_cases[[nm]]
  a <- ageadjust.direct(x$count, x$pop, stdpop = x$std, conf.level = lev)
  dr[[length(dr) + 1]] <- data.frame(case = nm, level = lev, count = paste(x$count, collapse = " "),
    pop = paste(x$pop, collapse = " "), std = paste(x$std, collapse = " "),
    crude = a[["crude.rate"]], adjusted = a[["adj.rate"]], lower = a[["lci"]], upper = a[["uci"]])
}
w(do.call(rbind, dr), "dsr.csv")

# ---- bootstrap intervals from R's replicates: boot.ci perc and bca with jackknife influence ---------
suppressPackageStartupMessages(library(boot))
aml_d <- rd("aml.csv")
boot_cases <- list(
  median_lung = list(data = data.frame(x = rd("lung.csv")$time[1:60]), strata = NULL,
                     stat = function(d, i) median(d$x[i]), R = 1999),
  mean_aml = list(data = data.frame(x = aml_d$time), strata = NULL, stat = function(d, i) mean(d$x[i]), R = 999),
  median_diff_aml = list(data = data.frame(x = aml_d$time, g = aml_d$group), strata = as.integer(factor(aml_d$group)),
                         stat = function(d, i) { e <- d[i, ]; median(e$x[e$g == "Maintained"]) - median(e$x[e$g == "Nonmaintained"]) },
                         R = 2000))
for (nm in names(boot_cases)) {
  cs <- boot_cases[[nm]]
  set.seed(20261125)
  b <- if (is.null(cs$strata)) boot(cs$data, cs$stat, R = cs$R) else boot(cs$data, cs$stat, R = cs$R, strata = cs$strata)
  L <- empinf(b, type = "jack")
  ci <- boot.ci(b, conf = c(0.9, 0.95), type = c("perc", "bca"), L = L)
  w(data.frame(t = b$t[, 1]), sprintf("boot_%s_replicates.csv", nm))
  w(data.frame(level = c(0.9, 0.95), t0 = b$t0, perc_lower = ci$percent[, 4], perc_upper = ci$percent[, 5],
               bca_lower = ci$bca[, 4], bca_upper = ci$bca[, 5]), sprintf("boot_%s.csv", nm))
  w(data.frame(L = L), sprintf("boot_%s_influence.csv", nm))
}

# ---- Wilcoxon signed-rank test (paired): wilcox.test(x, y, paired = TRUE) with R's defaults --------
set.seed(99)
wx <- list(
  exact_small = list(x = c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30), y = c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)),
  ties = list(x = c(5, 3, 6, 2, 7, 4, 4, 8, 3, 6), y = c(4, 1, 4, 3, 5, 2, 2, 5, 1, 2)),
  zeros = list(x = c(4, 5, 6, 7, 3, 9, 2, 5), y = c(4, 3, 7, 5, 3, 4, 1, 2)),
  large = list(x = round(rnorm(60, 10, 3), 2), y = round(rnorm(60, 9, 3), 2)),
  steps = list(x = c(2, 3, 3, 4, 1, 2, 5, 3, 2, 4, 3, 2), y = c(1, 3, 2, 2, 1, 1, 3, 3, 2, 2, 1, 2)))
wr <- list()
for (nm in names(wx)) for (alt in c("two.sided", "less", "greater")) {
  r <- suppressWarnings(wilcox.test(wx[[nm]]$x, wx[[nm]]$y, paired = TRUE, alternative = alt))
  wr[[length(wr) + 1]] <- data.frame(case = nm, alternative = alt, x = paste(wx[[nm]]$x, collapse = " "),
    y = paste(wx[[nm]]$y, collapse = " "), statistic = unname(r$statistic), p = r$p.value,
    exact = grepl("exact", r$method) & !grepl("cannot compute exact", r$method))
}
w(do.call(rbind, wr), "wilcoxon_signed_rank.csv")

# ---- case-mix models (coxph, glm binomial): their own file, runnable alone -------------------------
source("r/golden_models.R")
