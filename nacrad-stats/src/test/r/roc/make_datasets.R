# Synthetic datasets for the ROC, calibration, decision-curve, group-test and ICC tests (statsb).
# Written to nacrad-stats/src/test/resources/r/roc/. Run from the repository root:
#   Rscript nacrad-stats/src/test/r/roc/make_datasets.R
out <- "nacrad-stats/src/test/resources/r/roc"
w <- function(d, f) write.csv(d, file.path(out, f), row.names = FALSE, quote = FALSE)

# 1. Ties: rounded scores, a 5-level rating, probabilities rounded to 2 decimals, integer and
#    categorical covariates for the group tests.
set.seed(20261127)
n <- 200
z <- rnorm(n)
y <- rbinom(n, 1, plogis(-0.4 + 1.2 * z))
s1 <- round(z + rnorm(n, sd = 0.8), 1)
s2 <- pmin(5, pmax(1, round(3 + z + rnorm(n))))
p1 <- round(plogis(-0.5 + 1.1 * z + rnorm(n, sd = 0.3)), 2)
p2 <- round(plogis(-0.3 + 0.6 * z + rnorm(n, sd = 0.6)), 2)
age <- round(55 + 8 * rnorm(n) + 2 * y)
grade <- sample(1:3, n, replace = TRUE, prob = c(0.3, 0.4, 0.3)) + y * rbinom(n, 1, 0.2)
grade <- pmin(grade, 3)
her2 <- rbinom(n, 1, 0.25 + 0.15 * y)
w(data.frame(y, s1, s2, p1, p2, age, grade, her2), "ties.csv")

# 2. Near separation and extreme values: scores spanning many orders of magnitude, probabilities
#    close to 0 and 1, a rare category for Fisher's test.
set.seed(7)
n <- 60
z <- rnorm(n)
y <- rbinom(n, 1, plogis(0.3 + 4.5 * z))
s1 <- signif(z * 5 + rnorm(n, sd = 0.5), 8)
s2 <- signif(exp(6 * z + rnorm(n, sd = 3)), 8)
p1 <- signif(plogis(round(1 + 6 * z, 3)), 10)
p2 <- signif(plogis(0.2 + 3 * z + rnorm(n)), 8)
age <- signif(50 + 10 * rnorm(n) + 1e3 * y * (runif(n) < 0.05), 8)
grade <- 1 + rbinom(n, 2, 0.2 + 0.5 * y)
her2 <- ifelse(y == 1, rbinom(n, 1, 0.05), rbinom(n, 1, 0.5))
w(data.frame(y, s1, s2, p1, p2, age, grade, her2), "sep.csv")

# 3. Small groups without ties (exact Mann-Whitney P): 7 vs 8.
set.seed(3)
y <- c(rep(0, 7), rep(1, 8))
x <- round(rnorm(15) + 0.9 * y, 4)
w(data.frame(y, x), "small.csv")

# 4. Ratings for the ICC: 30 subjects x 3 raters, rounded (ties); and 12 subjects x 4 raters with a
#    systematic rater offset and one extreme subject.
set.seed(41)
t <- rnorm(30, 10, 2)
w(data.frame(r1 = round(t + rnorm(30, 0, 0.8)), r2 = round(t + 0.5 + rnorm(30, 0, 0.8)),
             r3 = round(t - 0.3 + rnorm(30, 0, 1.0))), "icc_ties.csv")
set.seed(42)
t <- c(rnorm(11, 100, 5), 400)
w(data.frame(a = signif(t + rnorm(12, 0, 2), 8), b = signif(t + 10 + rnorm(12, 0, 2), 8),
             c = signif(t - 5 + rnorm(12, 0, 4), 8), d = signif(t + rnorm(12, 0, 1), 8)), "icc_extreme.csv")
