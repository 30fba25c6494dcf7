# Reference values for org.nacrad.stats.glm from R's glm, MASS profile confint, rms lrm and step().
# Run from the repository root:  Rscript nacrad-stats/src/test/r/glm_reference.R
# Writes <dataset>.glm.csv (key,value) beside each dataset under src/test/resources/r/.
suppressMessages({ library(MASS); library(rms) })
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v) if (is.numeric(v)) sprintf("%.17g", v) else as.character(v)

exact_profile <- function(fit, d, term) {
  # The exact profile-likelihood bounds: roots of 2*(l(b) - l_max(beta_j = b)) = qchisq(.95, 1),
  # each constrained fit done by glm with an offset, tolerance 1e-12 (MASS/stats confint interpolates a spline).
  X <- model.matrix(fit); y <- fit$y
  j <- match(term, colnames(X)); b <- coef(fit)[j]; se <- sqrt(diag(vcov(fit)))[j]
  dev0 <- deviance(fit); cut <- qchisq(0.95, 1)
  f <- function(bj) {
    g <- glm.fit(X[, -j, drop = FALSE], y, family = binomial(), offset = X[, j] * bj,
                 control = glm.control(epsilon = 1e-14, maxit = 200))
    g$deviance - dev0 - cut
  }
  lo <- uniroot(f, c(b - 20 * se, b), tol = 1e-13)$root
  hi <- uniroot(f, c(b, b + 20 * se), tol = 1e-13)$root
  c(lo, hi)
}

for (name in c("logit_ties", "logit_nearsep")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  fit <- glm(y ~ ., family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
  s <- coef(summary(fit))
  keys <- c("R.version", "MASS.version", "rms.version"); vals <- c(R.version.string,
    as.character(packageVersion("MASS")), as.character(packageVersion("rms")))
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, fmt(v)) }
  wald <- confint.default(fit)
  prof <- suppressMessages(confint(fit))
  # summary.glm's SEs come from the IRLS weights of the last iteration's *starting* estimate; the information
  # recomputed at the converged estimate differs from them by ~1e-8 relative here
  X <- model.matrix(fit); pf <- fitted(fit)
  se.conv <- sqrt(diag(solve(crossprod(X * sqrt(pf * (1 - pf))))))
  for (t in rownames(s)) {
    add(paste0(t, ".estimate"), s[t, 1]); add(paste0(t, ".se"), s[t, 2]); add(paste0(t, ".se.converged"), se.conv[t])
    add(paste0(t, ".z"), s[t, 3]); add(paste0(t, ".p"), s[t, 4])
    add(paste0(t, ".wald.lo"), wald[t, 1]); add(paste0(t, ".wald.hi"), wald[t, 2])
    add(paste0(t, ".confint.lo"), prof[t, 1]); add(paste0(t, ".confint.hi"), prof[t, 2])
    ex <- exact_profile(fit, d, t)
    add(paste0(t, ".profile.lo"), ex[1]); add(paste0(t, ".profile.hi"), ex[2])
  }
  add("deviance", deviance(fit)); add("null.deviance", fit$null.deviance); add("aic", AIC(fit))
  add("df.residual", fit$df.residual)
  lr <- anova(glm(y ~ 1, binomial, d), fit, test = "Chisq")
  add("lr.chi2", lr$Deviance[2]); add("lr.df", lr$Df[2]); add("lr.p", lr[["Pr(>Chi)"]][2])
  l <- lrm(y ~ ., data = d, x = TRUE, y = TRUE, tol = 1e-14)
  for (k in c("C", "Dxy", "R2", "Brier", "Model L.R.")) add(paste0("lrm.", k), unname(l$stats[k]))
  st <- step(fit, direction = "backward", trace = 0)
  add("step.terms", paste(attr(terms(st), "term.labels"), collapse = ";"))
  add("step.aic", AIC(st))
  # univariate screening: each predictor alone
  for (v in setdiff(names(d), "y")) {
    u <- coef(summary(glm(reformulate(v, "y"), binomial, d, control = glm.control(epsilon = 1e-14))))
    add(paste0("uni.", v, ".estimate"), u[v, 1]); add(paste0("uni.", v, ".p"), u[v, 4])
  }
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".glm.csv")),
            row.names = FALSE, quote = TRUE)
}
