# Reference values for org.nacrad.stats.harmonisation.ComBat: sva::ComBat (Johnson, Li & Rabinovic, Biostatistics
# 2007) on small synthetic multi-centre data sets, for every option combination (parametric / non-parametric
# empirical Bayes, mean-only, reference batch, with / without covariates).
# Run from the repository root (needs Debian's r-bioc-sva):
#   Rscript nacrad-stats/src/test/r/combat/combat_reference.R
#
# Orientation: the CSVs hold patients in rows and features in columns (as nacrad does); sva::ComBat works on a
# features x samples matrix, so the script transposes on the way in and out.
#
# Besides the harmonised training data, the script records the estimates ComBat computes internally (grand mean,
# pooled variance, covariate coefficients B.hat, gamma.star, delta.star, the features left unadjusted), read from
# ComBat's own frame with trace(exit = ...), and harmonises held-out rows with those estimates by ComBat's
# adjustment formula, so that the tests can check a fitted model applied to new patients.
suppressPackageStartupMessages(library(sva))
out <- "nacrad-stats/src/test/resources/r/combat"
num <- function(v) sprintf("%.17g", v)

# ---- data sets ----------------------------------------------------------------------------------------------
# 'three': batches A (12 patients), B (7), C (2: a batch of size two), 8 features on very different scales with a
# centre-dependent shift and scale, two covariates (age, continuous; er, binary) that also act on the features.
make <- function(seed, sizes, nfeat, zero = FALSE) {
  set.seed(seed)
  batch <- rep(names(sizes), sizes)
  n <- length(batch)
  age <- round(runif(n, 30, 75))
  er <- rbinom(n, 1, 0.6)
  if (all(er == er[1])) er[1] <- 1 - er[1]
  centre <- c(2, 8, 0.05, 1, 40, 0.3, 5, 0.01)[seq_len(nfeat)]
  level <- c(10, 1000, 0.5, -3, 250, 2, 60, 0.1)[seq_len(nfeat)]
  x <- matrix(0, n, nfeat)
  for (f in seq_len(nfeat)) {
    shift <- rnorm(length(sizes), 0, centre[f])[match(batch, names(sizes))]
    scale <- exp(rnorm(length(sizes), 0, 0.4))[match(batch, names(sizes))]
    x[, f] <- level[f] + shift + scale * rnorm(n, 0, centre[f]) + 0.02 * centre[f] * (age - 50) + 0.5 * centre[f] * er
  }
  x <- round(x, 6)
  if (zero) x[batch == "B", 2] <- 7.5 # feature 2 is constant within batch B
  colnames(x) <- paste0("f", seq_len(nfeat))
  data.frame(batch = batch, age = age, er = er, x, check.names = FALSE)
}
sets <- list(
  three = list(train = make(1907, c(A = 12, B = 7, C = 2), 8), new = make(1908, c(A = 2, B = 2, C = 2), 8)),
  zero = list(train = make(2001, c(A = 6, B = 5, C = 4), 5, zero = TRUE), new = make(2002, c(A = 1, B = 1, C = 1), 5)))

# ---- ComBat with its internal estimates ---------------------------------------------------------------------
est <- NULL
invisible(trace("ComBat", print = FALSE, exit = quote(
  assign("est", list(grand.mean = grand.mean, var.pooled = var.pooled, B.hat = B.hat, gamma.star = gamma.star,
                     delta.star = delta.star, zero.rows = zero.rows, keep.rows = keep.rows, n.batch = n.batch,
                     design = design), envir = .GlobalEnv))))

options <- expand.grid(par = c(TRUE, FALSE), mean.only = c(FALSE, TRUE), ref = c(FALSE, TRUE), cov = c(FALSE, TRUE))
for (name in names(sets)) {
  train <- sets[[name]]$train
  new <- sets[[name]]$new
  write.csv(train, file.path(out, paste0(name, ".train.csv")), row.names = FALSE, quote = FALSE)
  write.csv(new, file.path(out, paste0(name, ".new.csv")), row.names = FALSE, quote = FALSE)
  feats <- grep("^f", names(train), value = TRUE)
  dat <- t(as.matrix(train[, feats]))                   # features x samples, as sva wants
  for (o in seq_len(nrow(options))) {
    op <- options[o, ]
    tag <- paste(if (op$par) "par" else "nonpar", if (op$mean.only) "meanonly" else "full",
                 if (op$ref) "refB" else "noref", if (op$cov) "cov" else "nocov", sep = "_")
    mod <- if (op$cov) model.matrix(~ age + er, data = train) else NULL
    ref <- if (op$ref) "B" else NULL
    invisible(capture.output(adj <- suppressMessages(
      ComBat(dat, train$batch, mod = mod, par.prior = op$par, mean.only = op$mean.only, ref.batch = ref))))
    e <- est
    levels <- levels(as.factor(train$batch))
    # held-out rows: ComBat's adjustment with the training estimates
    kept <- e$keep.rows
    xn <- t(as.matrix(new[, feats]))
    stand <- matrix(e$grand.mean, nrow = length(kept), ncol = nrow(new))
    if (op$cov) {
      cov.coef <- e$B.hat[(e$n.batch + 1):nrow(e$B.hat), , drop = FALSE]
      stand <- stand + t(as.matrix(new[, c("age", "er")]) %*% cov.coef)
    }
    sd <- sqrt(as.vector(e$var.pooled))
    adjn <- xn
    for (s in seq_len(nrow(new))) {
      b <- match(new$batch[s], levels)
      if (op$ref && levels[b] == "B") next
      z <- (xn[kept, s] - stand[, s]) / sd
      adjn[kept, s] <- (z - e$gamma.star[b, ]) / sqrt(e$delta.star[b, ]) * sd + stand[, s]
    }
    keys <- c("R.version", "sva.version", "batches", "unadjusted")
    vals <- c(R.version.string, as.character(packageVersion("sva")), paste(levels, collapse = " "),
              paste(e$zero.rows, collapse = " "))
    put <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, num(v)) }
    for (j in seq_along(kept)) {
      f <- kept[j]
      put(paste0("grand.mean.", f), e$grand.mean[j])
      put(paste0("var.pooled.", f), e$var.pooled[j])
      for (b in seq_along(levels)) {
        put(paste0("gamma.star.", levels[b], ".", f), e$gamma.star[b, j])
        put(paste0("delta.star.", levels[b], ".", f), e$delta.star[b, j])
      }
      if (op$cov) {
        put(paste0("beta.age.", f), e$B.hat["age", j])
        put(paste0("beta.er.", f), e$B.hat["er", j])
      }
    }
    for (s in seq_len(ncol(adj))) for (f in seq_len(nrow(adj))) put(paste0("train.", s, ".", f), adj[f, s])
    for (s in seq_len(ncol(adjn))) for (f in seq_len(nrow(adjn))) put(paste0("new.", s, ".", f), adjn[f, s])
    write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(name, ".", tag, ".csv")), row.names = FALSE)
  }
}
untrace("ComBat")
