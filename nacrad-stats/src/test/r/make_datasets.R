# Generates the synthetic datasets the nacrad-stats tests use (committed as CSV under
# src/test/resources/r/). Run from the repository root:
#   Rscript nacrad-stats/src/test/r/make_datasets.R
out <- "nacrad-stats/src/test/resources/r"
w <- function(d, f) write.csv(d, file.path(out, f), row.names = FALSE, quote = FALSE)

# 1. Logistic, ties: rounded and integer predictors give tied values and tied linear predictors.
set.seed(20261127)
n <- 150
x1 <- round(rnorm(n), 1)
x2 <- sample(1:5, n, replace = TRUE)
x3 <- rbinom(n, 1, 0.4)
x4 <- round(rnorm(n), 2)
y <- rbinom(n, 1, plogis(-1 + 0.8 * x1 + 0.3 * x2 - 0.7 * x3))
w(data.frame(y, x1, x2, x3, x4), "logit_ties.csv")

# 2. Logistic, near separation: a strong predictor with little overlap between the classes.
set.seed(7)
n <- 60
z1 <- round(rnorm(n), 3)
z2 <- round(rnorm(n), 3)
z3 <- rbinom(n, 1, 0.5)
y <- rbinom(n, 1, plogis(0.3 + 4.5 * z1 + 0.5 * z3))
w(data.frame(y, z1, z2, z3), "logit_nearsep.csv")

# 3. LASSO, n > p: 120 x 20, five true signals, fold ids for cv.glmnet.
set.seed(11)
n <- 120; p <- 20
X <- matrix(round(rnorm(n * p), 4), n, p)
X[, 3] <- X[, 3] * 10 + 50        # different scales exercise standardisation
y <- rbinom(n, 1, plogis(0.2 + X[, 1] - 0.8 * X[, 2] + 0.05 * (X[, 3] - 50) + 0.5 * X[, 4] - 0.5 * X[, 5]))
foldid <- sample(rep(1:5, length.out = n))
d <- data.frame(y, foldid, X); names(d) <- c("y", "foldid", sprintf("f%02d", 1:p))
w(d, "lasso_tall.csv")

# 4. LASSO, n < p: 60 x 100 (lambda.min.ratio 0.01 branch).
set.seed(12)
n <- 60; p <- 100
X <- matrix(round(rnorm(n * p), 4), n, p)
y <- rbinom(n, 1, plogis(1.5 * X[, 1] - 1.2 * X[, 2] + X[, 3]))
foldid <- sample(rep(1:5, length.out = n))
d <- data.frame(y, foldid, X); names(d) <- c("y", "foldid", sprintf("g%03d", 1:p))
w(d, "lasso_wide.csv")
