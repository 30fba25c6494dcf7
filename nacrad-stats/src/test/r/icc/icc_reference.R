# Reference values for org.nacrad.stats.agreement.Icc: psych::ICC (Debian's r-cran-psych) on the ICC data sets.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/icc/icc_reference.R
#
# psych::ICC estimates the mean squares two ways. With lmer = FALSE it takes them from the two-way ANOVA
# (aov(values ~ subject + rater)), the closed-form Shrout & Fleiss / McGraw & Wong estimators that nacrad computes:
# these are the keys without prefix, compared to 1e-10. With lmer = TRUE (psych's default) it fits the variance
# components by REML with lme4 and rebuilds MSB = k*var(subject) + var(error), MSJ = n*var(rater) + var(error): on
# complete data this equals the ANOVA only up to lme4's optimiser tolerance, and where the ANOVA estimate of the
# rater variance is negative (MSJ < MSE) REML truncates it at 0, so psych's default then reports MSJ = MSE. Those
# values are kept under the prefix "lmer." so the tests can show the difference rather than hide it.
suppressPackageStartupMessages(library(psych))
inp <- "nacrad-stats/src/test/resources/r/roc"
out <- "nacrad-stats/src/test/resources/r/icc"
num <- function(v) sprintf("%.17g", v)

# New data sets: a feature under 5 segmentation perturbations (40 lesions), and two readers with no systematic
# difference (MSJ < MSE: the REML truncation case).
set.seed(1919)
truth <- rlnorm(40, 3, 0.6)
perturb <- sapply(1:5, function(p) signif(truth * exp(rnorm(40, 0, 0.08)) + rnorm(1, 0, 0.5), 8))
colnames(perturb) <- paste0("p", 1:5)
write.csv(perturb, file.path(out, "icc_perturb.csv"), row.names = FALSE, quote = FALSE)
t2 <- rnorm(25, 50, 10)
r1 <- t2 + rnorm(25, 0, 3)
r2 <- t2 + rnorm(25, 0, 3)
r2 <- r2 - mean(r2) + mean(r1) + 0.05 # nearly equal reader means: MSJ < MSE
readers <- cbind(reader1 = signif(r1, 8), reader2 = signif(r2, 8))
write.csv(readers, file.path(out, "icc_readers.csv"), row.names = FALSE, quote = FALSE)

files <- c(icc_ties = file.path(inp, "icc_ties.csv"), icc_extreme = file.path(inp, "icc_extreme.csv"),
           icc_perturb = file.path(out, "icc_perturb.csv"), icc_readers = file.path(out, "icc_readers.csv"))
for (ds in names(files)) {
  x <- read.csv(files[[ds]])
  keys <- c("R.version", "psych.version")
  vals <- c(R.version.string, as.character(packageVersion("psych")))
  for (lmer in c(FALSE, TRUE)) {
    r <- suppressMessages(psych::ICC(x, lmer = lmer))
    pre <- if (lmer) "lmer." else ""
    res <- r$results
    put <- function(k, v) { keys <<- c(keys, paste0(pre, k)); vals <<- c(vals, num(v)) }
    put("MSB", r$stats["MS", "subjects"]); put("MSJ", r$stats["MS", "Judges"]); put("MSE", r$stats["MS", "Residual"])
    put("MSW", r$MSW)
    for (type in res$type) {
      row <- res[res$type == type, ]
      t <- tolower(type)
      put(t, row$ICC); put(paste0(t, ".F"), row$F); put(paste0(t, ".df1"), row$df1); put(paste0(t, ".df2"), row$df2)
      put(paste0(t, ".p"), row$p); put(paste0(t, ".lo"), row$`lower bound`); put(paste0(t, ".hi"), row$`upper bound`)
    }
  }
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(ds, ".icc.csv")), row.names = FALSE)
}
