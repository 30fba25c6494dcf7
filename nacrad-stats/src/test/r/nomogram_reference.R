# Reference values for org.nacrad.stats.nomogram: rms nomogram() of lrm(y ~ .) with a probability axis.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/nomogram_reference.R
suppressMessages(library(rms))
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v) if (is.numeric(v)) sprintf("%.17g", v) else as.character(v)
for (name in c("logit_ties", "logit_nearsep")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  dd <- datadist(d); options(datadist = "dd")
  fit <- lrm(y ~ ., data = d, tol = 1e-14, eps = 1e-12, maxit = 100)  # converged to the optimum, not lrm's default 0.025 on -2LL
  nom <- nomogram(fit, fun = plogis, fun.at = c(0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95), funlabel = "risk")
  keys <- c("R.version", "rms.version"); vals <- c(R.version.string, as.character(packageVersion("rms")))
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, fmt(v)) }
  addv <- function(k, v) for (i in seq_along(v)) add(paste0(k, ".", i), v[i])
  for (v in setdiff(names(d), "y")) { addv(paste0(v, ".x"), as.numeric(nom[[v]][[1]])); addv(paste0(v, ".points"), nom[[v]]$points) }
  addv("total.points", nom$total.points$x)
  addv("lp.real", nom$lp$x.real); addv("lp.points", nom$lp$x)
  addv("risk.real", nom$risk$x.real); addv("risk.points", nom$risk$x)
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".nomogram.csv")),
            row.names = FALSE, quote = TRUE)
}
