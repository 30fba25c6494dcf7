# Reference values for org.nacrad.stats.glm.PredictionInterval: R's predict.glm(se.fit = TRUE) on the link scale,
# turned into a 95 % interval of the probability as plogis(fit -/+ qnorm(0.975) * se.fit).
# Run from the repository root:  Rscript nacrad-stats/src/test/r/prediction_interval_reference.R
# Writes <dataset>.predict.csv (key,value) beside each dataset under src/test/resources/r/.
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v) sprintf("%.17g", v)
for (name in c("logit_ties", "logit_nearsep")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  fit <- glm(y ~ ., family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
  # new patients: three training rows, the column means, and one row far outside the data (extrapolation)
  x <- d[, setdiff(names(d), "y")]
  far <- as.data.frame(lapply(x, function(v) max(v) + 2 * sd(v)))
  newdata <- rbind(x[c(1, 2, nrow(x)), ], as.data.frame(lapply(x, mean)), far)
  p <- predict(fit, newdata = newdata, type = "link", se.fit = TRUE)
  # the same from the information matrix at the converged estimate (what LogisticFit.covariance holds)
  X <- model.matrix(fit); pf <- fitted(fit)
  cov.conv <- solve(crossprod(X * sqrt(pf * (1 - pf))))
  Xn <- cbind(1, as.matrix(newdata))
  se.conv <- sqrt(rowSums((Xn %*% cov.conv) * Xn))
  z <- qnorm(0.975)
  keys <- c("R.version"); vals <- c(R.version.string)
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, fmt(v)) }
  for (i in seq_len(nrow(newdata))) {
    for (v in names(newdata)) add(paste0("row", i, ".", v), newdata[i, v])
    add(paste0("row", i, ".lp"), p$fit[i])
    add(paste0("row", i, ".se"), p$se.fit[i])
    add(paste0("row", i, ".se.converged"), se.conv[i])
    add(paste0("row", i, ".lower"), plogis(p$fit[i] - z * p$se.fit[i]))
    add(paste0("row", i, ".upper"), plogis(p$fit[i] + z * p$se.fit[i]))
    add(paste0("row", i, ".lower.converged"), plogis(p$fit[i] - z * se.conv[i]))
    add(paste0("row", i, ".upper.converged"), plogis(p$fit[i] + z * se.conv[i]))
  }
  add("rows", nrow(newdata))
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".predict.csv")),
            row.names = FALSE, quote = TRUE)
}
