# Golden files for the case-mix models: coxph (Efron and Breslow ties, strata, late entry, robust
# variance clustered by id) and glm(family = binomial). Sourced at the end of r/golden.R; runs on its
# own too: Rscript r/golden_models.R [OUT_DIR [INPUT_DIR]].
suppressPackageStartupMessages({ library(survival) })
if (!exists("w")) {
  args <- commandArgs(trailingOnly = TRUE)
  out <- if (length(args) >= 1) args[1] else "src/test/resources/golden"
  inp <- if (length(args) >= 2) args[2] else "src/test/resources/stats"
  w <- function(df, name, dir = out) {
    for (j in seq_along(df)) if (is.numeric(df[[j]])) df[[j]] <- sprintf("%.17g", df[[j]])
    write.table(df, file.path(dir, name), sep = ",", row.names = FALSE, quote = FALSE, na = "NA")
  }
}
rdm <- function(name) read.csv(file.path(inp, name), stringsAsFactors = FALSE)

# ---- inputs: status 0/1; factors as text (or numbers, declared as factors by the caller) -----------
w(data.frame(time = lung$time, status = lung$status - 1, age = lung$age, sex = lung$sex, ph.ecog = lung$ph.ecog),
  "cox_lung.csv", inp)
w(data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt, celltype = as.character(veteran$celltype),
             prior = veteran$prior), "cox_veteran.csv", inp)
w(data.frame(entry = heart$start, time = heart$stop, status = heart$event, age = heart$age, surgery = heart$surgery,
             transplant = as.integer(as.character(heart$transplant)), id = heart$id), "cox_heart.csv", inp)
# Read back as Java reads them: character factors get sorted levels (factor()), the first is the reference.
lung_d <- na.omit(rdm("cox_lung.csv")); lung_d$ph.ecog <- factor(lung_d$ph.ecog)
vet_d <- rdm("cox_veteran.csv"); vet_d$celltype <- factor(vet_d$celltype)
heart_d <- rdm("cox_heart.csv")

cox_out <- function(fit, name) {
  s <- summary(fit)$coefficients
  ci <- summary(fit)$conf.int
  robust <- !is.null(fit$naive.var)
  terms <- data.frame(term = rownames(s), coef = s[, "coef"], exp_coef = s[, "exp(coef)"], se = s[, "se(coef)"],
                      robust_se = if (robust) s[, "robust se"] else NA, z = s[, "z"], p = s[, "Pr(>|z|)"],
                      lower = ci[, "lower .95"], upper = ci[, "upper .95"])
  w(terms, sprintf("cox_%s_terms.csv", name))
  df <- length(fit$coefficients)
  lr <- 2 * diff(fit$loglik)
  w(data.frame(n = fit$n, events = fit$nevent, loglik_null = fit$loglik[1], loglik = fit$loglik[2], df = df,
               lr = lr, lr_p = pchisq(lr, df, lower.tail = FALSE),
               wald = fit$wald.test, wald_p = pchisq(fit$wald.test, df, lower.tail = FALSE),
               score = fit$score, score_p = pchisq(fit$score, df, lower.tail = FALSE),
               robust_score = if (robust) fit$rscore else NA,
               robust_score_p = if (robust) pchisq(fit$rscore, df, lower.tail = FALSE) else NA,
               iter = fit$iter), sprintf("cox_%s_tests.csv", name))
  # proportional hazards: cox.zph with its defaults (transform "km", per term and GLOBAL)
  z <- cox.zph(fit)$table
  w(data.frame(term = rownames(z), chisq = z[, "chisq"], df = z[, "df"], p = z[, "p"]), sprintf("cox_%s_zph.csv", name))
}
for (ties in c("efron", "breslow")) {
  cox_out(coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung_d, ties = ties), paste0("lung_", ties))
  cox_out(coxph(Surv(time, status) ~ trt + celltype, data = vet_d, ties = ties), paste0("veteran_", ties))
  cox_out(coxph(Surv(time, status) ~ trt + celltype + strata(prior), data = vet_d, ties = ties),
          paste0("veteran_strata_", ties))
  cox_out(coxph(Surv(entry, time, status) ~ age + surgery, data = heart_d, cluster = id, ties = ties),
          paste0("heart_cluster_", ties))
  # late entry, strata and clusters at once; transplant changes within a person (two rows per id)
  cox_out(coxph(Surv(entry, time, status) ~ age + transplant + strata(surgery), data = heart_d, cluster = id, ties = ties),
          paste0("heart_strata_cluster_", ties))
}
# The demo cohort's lead times (written by make golden before this runs): thousands of rows, integer
# days with many ties, the group (programme or municipality) as a factor.
for (case in c("exit", "first_meeting")) {
  d <- rdm(sprintf("demo_leadtime_%s.csv", case)); d$group <- factor(d$group)
  for (ties in c("efron", "breslow")) cox_out(coxph(Surv(time, status) ~ group, data = d, ties = ties), sprintf("demo_%s_%s", case, ties))
}

# ---- logistic regression: glm(family = binomial), R's glm.fit defaults (epsilon 1e-8, maxit 25) ----
glm_out <- function(fit, name) {
  s <- summary(fit)$coefficients
  ci <- confint.default(fit)  # Wald, as LogisticRegression; confint() would profile the likelihood
  w(data.frame(term = rownames(s), estimate = s[, 1], se = s[, 2], z = s[, 3], p = s[, 4], lower = ci[, 1], upper = ci[, 2]),
    sprintf("glm_%s_terms.csv", name))
  w(data.frame(n = nrow(fit$model), deviance = fit$deviance, null_deviance = fit$null.deviance,
               df_residual = fit$df.residual, df_null = fit$df.null, aic = fit$aic, iter = fit$iter),
    sprintf("glm_%s_fit.csv", name))
}
# all 228 rows: glm drops NA only in the columns the model uses (none here)
glm_out(glm(status ~ age + sex, family = binomial, data = rdm("cox_lung.csv")), "lung")
# ph.ecog 3 is one person who died: quasi-complete separation (R: 13.5 with se 883, no warning), which
# LogisticRegression refuses; the factor golden leaves that person out.
glm_out(glm(status ~ age + sex + ph.ecog, family = binomial, data = droplevels(lung_d[lung_d$ph.ecog != "3", ])), "lung_ecog012")
glm_out(glm(status ~ trt + celltype, family = binomial, data = vet_d), "veteran")
