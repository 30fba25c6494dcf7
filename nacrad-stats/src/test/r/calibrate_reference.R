# Reference values for org.nacrad.stats.validation.BootstrapCalibration: rms calibrate(lrm(y ~ .), B = 2000).
# Run from the repository root:  Rscript nacrad-stats/src/test/r/calibrate_reference.R
suppressMessages(library(rms))
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v) sprintf("%.17g", v)
for (name in c("logit_ties", "logit_nearsep")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  fit <- lrm(y ~ ., data = d, x = TRUE, y = TRUE, tol = 1e-14, eps = 1e-12, maxit = 100)
  set.seed(20261127)
  cal <- calibrate(fit, B = 2000)
  keys <- c("R.version", "rms.version", "B"); vals <- c(R.version.string, as.character(packageVersion("rms")),
                                                        as.character(attr(cal, "B")))
  for (col in c("predy", "calibrated.orig", "calibrated.corrected", "n"))
    for (i in seq_len(nrow(cal))) { keys <- c(keys, paste0(col, ".", i)); vals <- c(vals, fmt(cal[i, col])) }
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".calibrate.csv")),
            row.names = FALSE, quote = TRUE)
}
