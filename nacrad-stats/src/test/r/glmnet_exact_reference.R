# Reference values for LogisticNet.fitAt: the exact solution at penalties between path points, as
#   coef(fit, s = L, exact = TRUE, x = x, y = y)
# (glmnet refits the path with L inserted, at the fit's thresh = 1e-12), beside glmnet's default
#   coef(fit, s = L)            (linear interpolation between the neighbouring path points)
# so the test can show that the two differ and that nacrad's exact solution is the former.
# Run from the repository root:  Rscript nacrad-stats/src/test/r/glmnet_exact_reference.R
# Writes lasso_exact.glmnet.csv (key,value) under src/test/resources/r/.
suppressMessages(library(glmnet))
dir <- "nacrad-stats/src/test/resources/r"
keys <- c("R.version", "glmnet.version"); vals <- c(R.version.string, as.character(packageVersion("glmnet")))
add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, sprintf("%.17g", v)) }
for (cfg in list(list(data = "lasso_tall", tag = "lasso", alpha = 1), list(data = "lasso_tall", tag = "enet", alpha = 0.5),
                 list(data = "lasso_wide", tag = "lasso", alpha = 1))) {
  d <- read.csv(file.path(dir, paste0(cfg$data, ".csv")))
  y <- d$y
  x <- as.matrix(d[, setdiff(names(d), c("y", "foldid"))])
  fit <- glmnet(x, y, family = "binomial", alpha = cfg$alpha, thresh = 1e-12)
  # three penalties halfway (geometrically) between path points 10|11, 25|26 and 40|41
  s <- sqrt(fit$lambda[c(10, 25, 40)] * fit$lambda[c(11, 26, 41)])
  p <- paste0(cfg$data, ".", cfg$tag)
  for (k in seq_along(s)) {
    add(paste0(p, ".s.", k), s[k])
    exact <- as.numeric(coef(fit, s = s[k], exact = TRUE, x = x, y = y))
    interp <- as.numeric(coef(fit, s = s[k]))
    for (j in seq_along(exact)) add(paste0(p, ".exact.", k, ".", j), exact[j])
    for (j in seq_along(interp)) add(paste0(p, ".interp.", k, ".", j), interp[j])
  }
}
write.csv(data.frame(key = keys, value = vals), file.path(dir, "lasso_exact.glmnet.csv"), row.names = FALSE,
          quote = TRUE)
