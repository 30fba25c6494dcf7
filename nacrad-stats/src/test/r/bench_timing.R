# R timings matching the JMH benchmarks org.nacrad.bench.stats.{LassoCvBenchmark,BootstrapLassoBenchmark}:
# the same synthetic 160 x 851 design and fold ids. Run:  Rscript nacrad-stats/src/test/r/bench_timing.R
suppressMessages({ library(glmnet); library(parallel) })
n <- 160; p <- 851
i <- 1:n; j <- 1:p
x <- sin(outer(0.7 * i, 1.3 * j, "+") + 0.01 * outer(i, j))
s <- 0.8 * sin(3.7 * i) + x[, 1:5] %*% c(1, -1, 1, -1, 1)
y <- as.numeric(s > 0)
foldid <- (i - 1) %% 10 + 1
cat(R.version.string, " glmnet", as.character(packageVersion("glmnet")), "\n")
t_cv <- replicate(5, system.time(cv.glmnet(x, y, family = "binomial", foldid = foldid))["elapsed"])
cv <- cv.glmnet(x, y, family = "binomial", foldid = foldid)
cat(sprintf("cv.glmnet 10-fold: median %.3f s over 5 runs (lambda.min %.6g, lambda.1se %.6g)\n",
            median(t_cv), cv$lambda.min, cv$lambda.1se))
# the same with the folds on both cores (parallel = TRUE with a doParallel backend), as nacrad fits them
if (requireNamespace("doParallel", quietly = TRUE)) {
  doParallel::registerDoParallel(cores = 2)
  invisible(cv.glmnet(x, y, family = "binomial", foldid = foldid, parallel = TRUE))  # start the workers
  t_par <- replicate(5, system.time(cv.glmnet(x, y, family = "binomial", foldid = foldid,
                                              parallel = TRUE))["elapsed"])
  cat(sprintf("cv.glmnet 10-fold, parallel = TRUE on 2 cores: median %.3f s over 5 runs\n", median(t_par)))
  foreach::registerDoSEQ()
}
lams <- cv$lambda[cv$lambda >= cv$lambda.1se]
one <- function(b) {
  set.seed(b)
  idx <- sample(n, n, replace = TRUE)
  fit <- glmnet(x[idx, ], y[idx], family = "binomial", lambda = lams)
  sel <- which(as.numeric(coef(fit, s = min(lams)))[-1] != 0)
  # R has no logistf here: an ML glm refit (warnings under separation suppressed) stands in for the Firth refit
  g <- suppressWarnings(glm.fit(cbind(1, x[idx, sel, drop = FALSE]), y[idx], family = binomial()))
  lp <- drop(cbind(1, x[, sel, drop = FALSE]) %*% g$coefficients)
  c(length(sel), cor(lp, y, method = "kendall"))
}
t_boot <- system.time(r <- mclapply(1:1000, one, mc.cores = 2))["elapsed"]
cat(sprintf("1000 bootstrap resamples, glmnet at fixed lambda path + glm refit, mclapply 2 cores: %.1f s\n", t_boot))
