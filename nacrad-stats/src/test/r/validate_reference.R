# Reference values for org.nacrad.stats.validation: rms validate() of lrm(y ~ .), B = 2000 bootstrap resamples.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/validate_reference.R
suppressMessages(library(rms))
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v) if (is.numeric(v)) sprintf("%.17g", v) else as.character(v)
for (name in c("logit_ties", "logit_nearsep")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  fit <- lrm(y ~ ., data = d, x = TRUE, y = TRUE)
  set.seed(20261127)
  v <- validate(fit, B = 2000)
  keys <- c("R.version", "rms.version", "B.used"); vals <- c(R.version.string, as.character(packageVersion("rms")),
    fmt(unname(v["Dxy", "n"])))
  for (ix in c("Dxy", "R2", "Intercept", "Slope", "B")) for (col in c("index.orig", "training", "test", "optimism",
      "index.corrected")) { keys <- c(keys, paste0(ix, ".", col)); vals <- c(vals, fmt(v[ix, col])) }
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".validate.csv")),
            row.names = FALSE, quote = TRUE)
}
