# Reference values for org.nacrad.stats.dca (statsb). Run from the repository root:
#   Rscript nacrad-stats/src/test/r/dca/dca_reference.R
# Net benefit as dcurves/rmda define it, written out (neither package is installed here):
#   NB(pt) = TP/n - FP/n * pt/(1 - pt), a case treated when its risk >= pt; treat-all uses TP = events, FP = non-events.
# NRI and IDI by Hmisc::improveProb (continuous), and the categorical NRI as improveProb on the risk categories
# [0, c1), [c1, c2), ..., [ck, 1] (PredictABEL's left-closed cut), coded into [0, 1] as improveProb requires.
suppressMessages(library(Hmisc))
inp <- "nacrad-stats/src/test/resources/r/roc"
out <- "nacrad-stats/src/test/resources/r/dca"
num <- function(v) sprintf("%.17g", v)
for (ds in c("ties", "sep")) {
  d <- read.csv(file.path(inp, paste0(ds, ".csv")))
  y <- d$y; n <- length(y)
  keys <- c("R.version", "Hmisc.version"); vals <- c(R.version.string, as.character(packageVersion("Hmisc")))
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, num(v)) }
  thr <- seq(0.01, 0.99, by = 0.01)
  for (col in c("p1", "p2")) {
    p <- d[[col]]
    nb <- sapply(thr, function(t) sum(p >= t & y == 1) / n - sum(p >= t & y == 0) / n * t / (1 - t))
    for (i in seq_along(thr)) add(paste0(col, ".nb.", i), nb[i])
  }
  all <- sapply(thr, function(t) mean(y) - (1 - mean(y)) * t / (1 - t))
  for (i in seq_along(thr)) { add(paste0("thr.", i), thr[i]); add(paste0("all.", i), all[i]) }
  ip <- improveProb(d$p1, d$p2, y)
  for (k in c("nri", "se.nri", "z.nri", "nri.ev", "nri.ne", "idi", "se.idi", "z.idi")) add(paste0("cont.", k), ip[[k]])
  add("cont.p.nri", 2 * pnorm(-abs(ip$z.nri))); add("cont.p.idi", 2 * pnorm(-abs(ip$z.idi)))
  cuts <- c(0, 0.2, 0.5, 1)
  c1 <- as.numeric(cut(d$p1, cuts, include.lowest = TRUE, right = FALSE)) / 10
  c2 <- as.numeric(cut(d$p2, cuts, include.lowest = TRUE, right = FALSE)) / 10
  ic <- improveProb(c1, c2, y)
  for (k in c("nri", "se.nri", "z.nri", "nri.ev", "nri.ne")) add(paste0("cat.", k), ic[[k]])
  add("cat.p.nri", 2 * pnorm(-abs(ic$z.nri)))
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(ds, ".dca.csv")), row.names = FALSE)
}
