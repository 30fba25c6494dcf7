# Reference values for org.nacrad.stats.tests (statsb): t.test, wilcox.test, chisq.test, fisher.test, cor.test.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/tests/tests_reference.R
# Groups are y = 0 (R's first level, "x") and y = 1 ("y"); tables are table(variable, y).
inp <- "nacrad-stats/src/test/resources/r/roc"
out <- "nacrad-stats/src/test/resources/r/tests"
num <- function(v) sub("Inf$", "Infinity", sprintf("%.17g", v))
for (ds in c("ties", "sep", "small")) {
  d <- read.csv(file.path(inp, paste0(ds, ".csv")))
  keys <- c("R.version"); vals <- c(R.version.string)
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, num(v)) }
  numeric <- intersect(c("age", "s1", "p1", "x"), names(d))
  for (v in numeric) {
    a <- d[[v]][d$y == 0]; b <- d[[v]][d$y == 1]
    for (eq in c(TRUE, FALSE)) {
      t <- t.test(a, b, var.equal = eq); k <- paste0(v, if (eq) ".student" else ".welch")
      add(paste0(k, ".t"), t$statistic); add(paste0(k, ".df"), t$parameter); add(paste0(k, ".p"), t$p.value)
    }
    w1 <- suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = TRUE))
    w0 <- suppressWarnings(wilcox.test(a, b, exact = FALSE, correct = FALSE))
    add(paste0(v, ".mw.W"), w1$statistic); add(paste0(v, ".mw.p"), w1$p.value); add(paste0(v, ".mw.p_nocorr"), w0$p.value)
    if (length(unique(c(a, b))) == length(c(a, b)) && length(a) < 50 && length(b) < 50) {
      add(paste0(v, ".mw.p_exact"), wilcox.test(a, b, exact = TRUE)$p.value)
    }
  }
  if (ds != "small") {
    for (v in c("grade", "her2")) {
      tab <- table(d[[v]], d$y)
      c0 <- chisq.test(tab, correct = FALSE); c1 <- suppressWarnings(chisq.test(tab, correct = TRUE))
      add(paste0(v, ".chisq.stat"), c0$statistic); add(paste0(v, ".chisq.df"), c0$parameter); add(paste0(v, ".chisq.p"), c0$p.value)
      add(paste0(v, ".yates.stat"), c1$statistic); add(paste0(v, ".yates.p"), c1$p.value)
      f <- fisher.test(tab)
      add(paste0(v, ".fisher.p"), f$p.value)
      if (nrow(tab) == 2) {
        add(paste0(v, ".fisher.or"), f$estimate)
        # the conditional MLE solved to full precision (fisher.test's uniroot stops at tol = eps^0.25)
        x <- tab[1, 1]; m <- sum(tab[, 1]); n <- sum(tab[, 2]); k <- sum(tab[1, ])
        lo <- max(0, k - n); hi <- min(k, m); s <- lo:hi; logdc <- dhyper(s, m, n, k, log = TRUE)
        mn <- function(psi) { dd <- logdc + log(psi) * s; dd <- exp(dd - max(dd)); sum(s * dd / sum(dd)) }
        or <- if (x == lo) 0 else if (x == hi) Inf else exp(uniroot(function(t) mn(exp(t)) - x, c(-30, 30), tol = 1e-13)$root)
        add(paste0(v, ".fisher.or_precise"), or)
      }
    }
    for (pr in list(c("s1", "p1"), c("age", "s2"), c("s2", "grade"))) {
      a <- d[[pr[1]]]; b <- d[[pr[2]]]; k <- paste0("cor.", pr[1], ".", pr[2])
      cp <- cor.test(a, b, method = "pearson")
      add(paste0(k, ".pearson.r"), cp$estimate); add(paste0(k, ".pearson.t"), cp$statistic); add(paste0(k, ".pearson.p"), cp$p.value)
      add(paste0(k, ".pearson.lo"), cp$conf.int[1]); add(paste0(k, ".pearson.hi"), cp$conf.int[2])
      cs <- suppressWarnings(cor.test(a, b, method = "spearman", exact = FALSE))
      add(paste0(k, ".spearman.rho"), cs$estimate); add(paste0(k, ".spearman.S"), cs$statistic); add(paste0(k, ".spearman.p"), cs$p.value)
      add(paste0(k, ".spearman.p_default"), suppressWarnings(cor.test(a, b, method = "spearman"))$p.value)   # AS 89 when untied
    }
    # R's default Spearman P (AS 89) on untied subsamples: exact enumeration (n = 7, 9) and Edgeworth (n = 10, 25)
    for (m in c(7, 9, 10, 25)) {
      a <- d$s1[1:m] + 1e-9 * seq_len(m); b <- d$p2[1:m] + 1e-9 * seq_len(m)   # break any ties
      if (length(unique(a)) < m || length(unique(b)) < m) stop("ties left")
      add(paste0("spearman_head.", m, ".p"), cor.test(a, b, method = "spearman")$p.value)
      add(paste0("spearman_head.", m, ".rho"), cor.test(a, b, method = "spearman")$estimate)
    }
  }
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(ds, ".tests.csv")), row.names = FALSE)
}
