# Reference values for org.nacrad.stats.lasso from glmnet / cv.glmnet (binomial).
# Run from the repository root:  Rscript nacrad-stats/src/test/r/glmnet_reference.R
# Writes <dataset>.glmnet.csv (key,value) beside each dataset under src/test/resources/r/.
suppressMessages(library(glmnet))
dir <- "nacrad-stats/src/test/resources/r"
fmt <- function(v, digits = 17) if (is.numeric(v)) sprintf(paste0("%.", digits, "g"), v) else as.character(v)

for (name in c("lasso_tall", "lasso_wide")) {
  d <- read.csv(file.path(dir, paste0(name, ".csv")))
  y <- d$y; foldid <- d$foldid
  x <- as.matrix(d[, setdiff(names(d), c("y", "foldid"))])
  keys <- c("R.version", "glmnet.version"); vals <- c(R.version.string, as.character(packageVersion("glmnet")))
  add <- function(k, v, digits = 17) { keys <<- c(keys, k); vals <<- c(vals, fmt(v, digits)) }
  addv <- function(k, v, digits = 17) for (i in seq_along(v)) add(paste0(k, ".", i), v[i], digits)
  path <- function(tag, fit) {
    addv(paste0(tag, ".lambda"), fit$lambda)
    addv(paste0(tag, ".a0"), unname(fit$a0))
    addv(paste0(tag, ".dev.ratio"), fit$dev.ratio)
    add(paste0(tag, ".nulldev"), fit$nulldev)
    b <- as.matrix(fit$beta)
    # 12 significant digits for the coefficients (they are compared at ~1e-6) keep the file under 1 MB
    for (j in seq_len(nrow(b))) addv(paste0(tag, ".beta.", rownames(b)[j]), b[j, ], 12)
  }
  path("lasso", glmnet(x, y, family = "binomial", thresh = 1e-12))
  path("enet", glmnet(x, y, family = "binomial", alpha = 0.5, thresh = 1e-12))
  path("raw", glmnet(x, y, family = "binomial", standardize = FALSE, thresh = 1e-12))
  # separable outcome (y = 1 exactly when f01 + f02 > 0): the path stops at dev.ratio > 0.999
  if (name == "lasso_tall") {
    ysep <- as.numeric(x[, 1] + x[, 2] > 0)
    path("sep", glmnet(x, ysep, family = "binomial", thresh = 1e-12))
    # cross-validated deviance on the separable outcome: held-out probabilities pass 1e-5 / 1 - 1e-5, so the
    # clipping of cv.lognet matters; the unclipped mean deviance is recorded to show it
    cv <- cv.glmnet(x, ysep, family = "binomial", foldid = foldid, thresh = 1e-12, keep = TRUE)
    addv("sepcv.cvm", cv$cvm); addv("sepcv.cvsd", cv$cvsd)
    pr <- plogis(cv$fit.preval)
    q <- pr; q[ysep == 0, ] <- 1 - pr[ysep == 0, ]
    addv("sepcv.unclipped", colMeans(-2 * log(q)))  # Inf where a probability reaches 0 or 1
  }
  for (m in c("deviance", "auc")) {
    cv <- cv.glmnet(x, y, family = "binomial", foldid = foldid, type.measure = m, thresh = 1e-12)
    addv(paste0("cv.", m, ".lambda"), cv$lambda)
    addv(paste0("cv.", m, ".cvm"), cv$cvm)
    addv(paste0("cv.", m, ".cvsd"), cv$cvsd)
    add(paste0("cv.", m, ".lambda.min"), cv$lambda.min)
    add(paste0("cv.", m, ".lambda.1se"), cv$lambda.1se)
  }
  write.csv(data.frame(key = keys, value = vals), file.path(dir, paste0(name, ".glmnet.csv")),
            row.names = FALSE, quote = TRUE)
}
