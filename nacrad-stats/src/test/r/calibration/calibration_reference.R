# Reference values for org.nacrad.stats.calibration (statsb). Run from the repository root:
#   Rscript nacrad-stats/src/test/r/calibration/calibration_reference.R
# Reads the datasets of ../roc/make_datasets.R and writes key,value CSVs to
# nacrad-stats/src/test/resources/r/calibration/<dataset>.calibration.csv
suppressMessages(library(rms))
inp <- "nacrad-stats/src/test/resources/r/roc"
out <- "nacrad-stats/src/test/resources/r/calibration"
num <- function(v) sprintf("%.17g", v)

# Hosmer-Lemeshow as ResourceSelection::hoslem.test computes it, written out with base R:
# groups cut at the type-7 quantiles of p (right-closed, lowest included, duplicated breaks removed);
# df = number of groups formed - 2.
hl_quantile <- function(y, p, g) {
  br <- unique(quantile(p, probs = seq(0, 1, 1 / g), type = 7))
  grp <- cut(p, breaks = br, include.lowest = TRUE)
  hl_groups(y, p, as.integer(grp))
}
# "Deciles of risk" by count: the i-th smallest p (ties in file order) goes to group ceiling(i g / n).
hl_count <- function(y, p, g) {
  n <- length(p)
  grp <- integer(n)
  grp[order(p)] <- ceiling(seq_len(n) * g / n)
  hl_groups(y, p, grp)
}
hl_groups <- function(y, p, grp) {
  obs1 <- tapply(y, grp, sum); exp1 <- tapply(p, grp, sum); m <- tapply(y, grp, length)
  chisq <- sum((obs1 - exp1)^2 / exp1 + ((m - obs1) - (m - exp1))^2 / (m - exp1))
  df <- length(m) - 2
  list(chisq = chisq, df = df, p = pchisq(chisq, df, lower.tail = FALSE), n = as.vector(m),
       obs = as.vector(obs1), exp = as.vector(exp1))
}

for (ds in c("ties", "sep")) {
  d <- read.csv(file.path(inp, paste0(ds, ".csv")))
  keys <- c("R.version", "rms.version"); vals <- c(R.version.string, as.character(packageVersion("rms")))
  add <- function(k, v) { keys <<- c(keys, k); vals <<- c(vals, v) }
  for (col in c("p1", "p2")) {
    y <- d$y; p <- d[[col]]; lp <- qlogis(p)
    add(paste0(col, ".brier"), num(mean((p - y)^2)))
    fi <- glm(y ~ 1 + offset(lp), family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
    add(paste0(col, ".intercept"), num(coef(fi)[1]))
    fs <- glm(y ~ lp, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
    add(paste0(col, ".slope"), num(coef(fs)[2]))
    add(paste0(col, ".slope_intercept"), num(coef(fs)[1]))
    vp <- val.prob(p, y, pl = FALSE)   # cross-check: rms's Brier and slope
    add(paste0(col, ".valprob.brier"), num(vp[["Brier"]]))
    add(paste0(col, ".valprob.slope"), num(vp[["Slope"]]))
    for (g in c(10, 5, 40)) {
      for (kind in c("quantile", "count")) {
        h <- if (kind == "quantile") hl_quantile(y, p, g) else hl_count(y, p, g)
        k <- paste0(col, ".hl.", kind, ".", g)
        add(paste0(k, ".chisq"), num(h$chisq)); add(paste0(k, ".df"), num(h$df)); add(paste0(k, ".p"), num(h$p))
        for (i in seq_along(h$n)) {
          add(paste0(k, ".n.", i), num(h$n[i])); add(paste0(k, ".obs.", i), num(h$obs[i]))
          add(paste0(k, ".exp.", i), num(h$exp[i]))
        }
      }
    }
    lw <- lowess(p, y)    # f = 2/3, iter = 3, delta = 0.01 * diff(range(p))
    for (i in seq_along(lw$x)) { add(paste0(col, ".lowess.x.", i), num(lw$x[i])); add(paste0(col, ".lowess.y.", i), num(lw$y[i])) }
    lw0 <- lowess(p, y, f = 0.3, iter = 0, delta = 0)
    for (i in seq_along(lw0$y)) add(paste0(col, ".lowess0.y.", i), num(lw0$y[i]))
  }
  write.csv(data.frame(key = keys, value = vals), file.path(out, paste0(ds, ".calibration.csv")), row.names = FALSE)
}
