# Reference values for org.nacrad.stats.roc (statsb): pROC's roc, auc, var, ci.auc (DeLong), coords("best"),
# roc.test (paired and unpaired DeLong), and binom.test / prop.test(correct = FALSE) intervals.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/roc/roc_reference.R
suppressMessages(library(pROC))
dir <- "nacrad-stats/src/test/resources/r/roc"
num <- function(v) sub("Inf$", "Infinity", sprintf("%.17g", v))   # Java-readable infinities

scores <- function(d) list(s1 = d$s1, s2 = d$s2, p1 = d$p1, neg_s1 = -d$s1)   # neg_s1: direction ">"
data <- list(ties = read.csv(file.path(dir, "ties.csv")), sep = read.csv(file.path(dir, "sep.csv")))
rocs <- list()
for (ds in names(data)) {
  d <- data[[ds]]
  keys <- c("R.version", "pROC.version"); vals <- c(R.version.string, as.character(packageVersion("pROC")))
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
  sc <- scores(d)
  for (s in names(sc)) {
    r <- roc(d$y, sc[[s]], levels = c(0, 1), direction = "auto", quiet = TRUE)
    rocs[[paste(ds, s)]] <- r
    add(paste0(s, ".direction"), r$direction)
    add(paste0(s, ".auc"), num(as.numeric(auc(r))))
    add(paste0(s, ".var"), num(var(r)))
    ci <- ci.auc(r)   # DeLong, 95 %
    add(paste0(s, ".ci.lo"), num(ci[1])); add(paste0(s, ".ci.hi"), num(ci[3]))
    for (i in seq_along(r$thresholds)) {
      add(paste0(s, ".thr.", i), num(r$thresholds[i]))
      add(paste0(s, ".se.", i), num(r$sensitivities[i])); add(paste0(s, ".sp.", i), num(r$specificities[i]))
    }
    b <- coords(r, "best", ret = c("threshold", "sensitivity", "specificity"), transpose = FALSE)
    for (i in seq_len(nrow(b))) {
      add(paste0(s, ".best.thr.", i), num(b$threshold[i]))
      add(paste0(s, ".best.se.", i), num(b$sensitivity[i])); add(paste0(s, ".best.sp.", i), num(b$specificity[i]))
    }
    # Performance at the first Youden threshold and at the median score, positive as pROC's direction says
    for (at in c("best", "median")) {
      t <- if (at == "best") b$threshold[1] else median(sc[[s]])
      pos <- if (r$direction == "<") sc[[s]] >= t else sc[[s]] <= t
      tp <- sum(pos & d$y == 1); fp <- sum(pos & d$y == 0); tn <- sum(!pos & d$y == 0); fn <- sum(!pos & d$y == 1)
      k <- paste0(s, ".at.", at)
      add(paste0(k, ".threshold"), num(t))
      add(paste0(k, ".tp"), tp); add(paste0(k, ".fp"), fp); add(paste0(k, ".tn"), tn); add(paste0(k, ".fn"), fn)
      for (m in list(list("sens", tp, tp + fn), list("spec", tn, tn + fp), list("acc", tp + tn, length(pos)),
                     list("ppv", tp, tp + fp), list("npv", tn, tn + fn))) {
        x <- m[[2]]; n <- m[[3]]
        if (n == 0) next
        add(paste0(k, ".", m[[1]]), num(x / n))
        cp <- binom.test(x, n)$conf.int
        wi <- prop.test(x, n, correct = FALSE)$conf.int
        add(paste0(k, ".", m[[1]], ".cp.lo"), num(cp[1])); add(paste0(k, ".", m[[1]], ".cp.hi"), num(cp[2]))
        add(paste0(k, ".", m[[1]], ".wilson.lo"), num(wi[1])); add(paste0(k, ".", m[[1]], ".wilson.hi"), num(wi[2]))
      }
    }
  }
  # Paired DeLong tests (each curve with its own direction, as roc.test does)
  prs <- list(c("s1", "s2"), c("s1", "p1"), c("s2", "p1"), c("s1", "neg_s1"))
  for (pr in prs) {
    t <- roc.test(rocs[[paste(ds, pr[1])]], rocs[[paste(ds, pr[2])]], method = "delong", paired = TRUE)
    add(paste0("paired.", pr[1], ".", pr[2], ".z"), num(t$statistic)); add(paste0("paired.", pr[1], ".", pr[2], ".p"), num(t$p.value))
  }
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(ds, ".pROC.csv")), row.names = FALSE)
}
# Unpaired DeLong tests across the two datasets
keys <- c("R.version", "pROC.version"); vals <- c(R.version.string, as.character(packageVersion("pROC")))
for (s in c("s1", "s2", "p1")) {
  t <- roc.test(rocs[[paste("ties", s)]], rocs[[paste("sep", s)]], method = "delong", paired = FALSE)
  keys <- c(keys, paste0(s, c(".D", ".df", ".p"))); vals <- c(vals, num(c(t$statistic, t$parameter, t$p.value)))
}
write.csv(data.frame(key = keys, value = vals), file.path(dir, "unpaired.pROC.csv"), row.names = FALSE)
