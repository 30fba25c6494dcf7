# Times pROC on data shaped as org.nacrad.bench.stats.DeLongBenchmark's (n cases, 40 % events, two correlated
# scores rounded to 2 decimals). Run:  Rscript nacrad-stats/src/test/r/roc/bench_pROC.R [n]
# Prints the median of 20 repetitions (after 3 warm-up runs) for each operation, in milliseconds.
suppressMessages(library(pROC))
args <- commandArgs(trailingOnly = TRUE)
n <- if (length(args) > 0) as.integer(args[1]) else 10000L
set.seed(20261127)
y <- rbinom(n, 1, 0.4); z <- rnorm(n)
s1 <- round(y + z, 2); s2 <- round(0.8 * y + 0.6 * z + 0.8 * rnorm(n), 2)
time_ms <- function(f, reps = 20) {
  for (i in 1:3) f()
  median(sapply(seq_len(reps), function(i) system.time(f())[["elapsed"]])) * 1000
}
r1 <- roc(y, s1, quiet = TRUE); r2 <- roc(y, s2, quiet = TRUE)
cat(sprintf("R %s, pROC %s, n = %d\n", R.version$version.string, packageVersion("pROC"), n))
cat(sprintf("roc(y, s1)                 %8.2f ms\n", time_ms(function() roc(y, s1, quiet = TRUE))))
cat(sprintf("ci.auc(roc) DeLong          %8.2f ms\n", time_ms(function() ci.auc(r1))))
cat(sprintf("roc + ci.auc                %8.2f ms\n", time_ms(function() ci.auc(roc(y, s1, quiet = TRUE)))))
cat(sprintf("roc.test(r1, r2) paired     %8.2f ms\n", time_ms(function() roc.test(r1, r2, method = "delong"))))
cat(sprintf("roc x2 + roc.test           %8.2f ms\n", time_ms(function() roc.test(roc(y, s1, quiet = TRUE), roc(y, s2, quiet = TRUE), method = "delong"))))
