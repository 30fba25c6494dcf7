# Reference values for org.nacrad.stats.agreement (statsb): ICC(2,1) and ICC(3,1) (Shrout & Fleiss 1979,
# McGraw & Wong 1996) from the two-way ANOVA mean squares of stats::anova(lm(rating ~ subject + rater)),
# with the F-based CIs as psych::ICC computes them (psych is not installed: formulas written out here).
# Run from the repository root:  Rscript nacrad-stats/src/test/r/icc/icc_reference.R
inp <- "nacrad-stats/src/test/resources/r/roc"
out <- "nacrad-stats/src/test/resources/r/icc"
num <- function(v) sprintf("%.17g", v)
for (ds in c("icc_ties", "icc_extreme")) {
  x <- as.matrix(read.csv(file.path(inp, paste0(ds, ".csv"))))
  n <- nrow(x); k <- ncol(x)
  long <- data.frame(rating = as.vector(x), subject = factor(rep(1:n, k)), rater = factor(rep(1:k, each = n)))
  a <- anova(lm(rating ~ subject + rater, data = long))
  MSB <- a["subject", "Mean Sq"]; MSJ <- a["rater", "Mean Sq"]; MSE <- a["Residuals", "Mean Sq"]
  icc2 <- (MSB - MSE) / (MSB + (k - 1) * MSE + k * (MSJ - MSE) / n)
  icc3 <- (MSB - MSE) / (MSB + (k - 1) * MSE)
  F <- MSB / MSE; df1 <- n - 1; df2 <- (n - 1) * (k - 1)
  p <- pf(F, df1, df2, lower.tail = FALSE)
  alpha <- 0.05
  FL <- F / qf(1 - alpha / 2, df1, df2); FU <- F * qf(1 - alpha / 2, df2, df1)
  l3 <- (FL - 1) / (FL + (k - 1)); u3 <- (FU - 1) / (FU + (k - 1))
  Fj <- MSJ / MSE
  vn <- (k - 1) * (n - 1) * (k * icc2 * Fj + n * (1 + (k - 1) * icc2) - k * icc2)^2
  vd <- (n - 1) * k^2 * icc2^2 * Fj^2 + (n * (1 + (k - 1) * icc2) - k * icc2)^2
  v <- vn / vd
  F3U <- qf(1 - alpha / 2, n - 1, v); F3L <- qf(1 - alpha / 2, v, n - 1)
  l2 <- n * (MSB - F3U * MSE) / (F3U * (k * MSJ + (k * n - k - n) * MSE) + n * MSB)
  u2 <- n * (F3L * MSB - MSE) / (k * MSJ + (k * n - k - n) * MSE + n * F3L * MSB)
  keys <- c("R.version", "MSB", "MSJ", "MSE", "icc2", "icc2.lo", "icc2.hi", "icc3", "icc3.lo", "icc3.hi", "F", "df1", "df2", "p", "v")
  vals <- c(R.version.string, num(c(MSB, MSJ, MSE, icc2, l2, u2, icc3, l3, u3, F, df1, df2, p, v)))
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(ds, ".icc.csv")), row.names = FALSE)
}
