"""The statistics behind Ruydad's figures, in plain functions of counts.

Event counts are small and lumpy, so every comparison comes with an exact test rather than a
percentage alone:

- **Two rates** (a period against another, a week against its baseline): conditional on the total
  ``n = x_a + x_b``, under equal rates ``x_b ~ Binomial(n, t_b / (t_a + t_b))`` where ``t`` are the
  exposures (days). This gives an exact p-value (scipy ``binomtest``) and an exact (Clopper-Pearson)
  confidence interval for the rate ratio ``(x_b/t_b) / (x_a/t_a)``, obtained by transforming the
  interval of the binomial proportion ``p`` into ``p/(1-p) * t_a/t_b``.
- **Overdispersion** (a negative-binomial test): when the baseline's period-to-period variance
  exceeds its mean, events cluster and the Poisson test is too eager. The dispersion ``r`` is the
  method-of-moments estimate ``mean^2 / (var - mean)`` from the baseline periods, and the p-value is
  the negative-binomial upper tail ``P(X >= x)`` with that mean and ``r``. With variance at or below
  the mean it falls back to the Poisson upper tail.
- **Shares** (attribution, target profiles): Wilson score interval for a binomial proportion.
- **Trend bands**: ACLED's published bands for a percentage change.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# scipy.special is imported inside each function: it costs half a second, and a command that only
# counts (``ruydad stats``) never needs it.


def _log_pmf(i: int, n: int, p: float) -> float:
    """log P(X = i) for X ~ Binomial(n, p), 0 < p < 1, with the math module's scalar functions: the
    binary searches below call it ~20 times per test, and scipy's ufuncs cost a microsecond or more
    per call on scalars (a monthly trend runs one test per month)."""
    log_choose = math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1)
    return log_choose + (i * math.log(p) if i else 0.0) + ((n - i) * math.log1p(-p) if n - i else 0.0)


def binomial_p_two_sided(k: int, n: int, p: float) -> float:
    """Exact two-sided binomial p-value by the same rule as scipy's ``binomtest`` (the probability of
    all outcomes no more likely than ``k``). The other tail's edge is found by binary search on the
    unimodal pmf, so the cost does not grow with ``n``."""
    from scipy import special

    if n == 0:
        return 1.0
    if p <= 0 or p >= 1:
        return 1.0 if (k == 0 and p <= 0) or (k == n and p >= 1) else 0.0
    limit = _log_pmf(k, n, p) + math.log1p(1e-7)
    mode = min(n, math.floor((n + 1) * p))
    if k == mode or abs(k - n * p) < 1e-12:
        return 1.0
    if k < mode:  # the upper tail starts at the first i >= mode with pmf(i) <= pmf(k)
        lo, hi = mode, n + 1
        while lo < hi:
            mid = (lo + hi) // 2
            if _log_pmf(mid, n, p) <= limit:
                hi = mid
            else:
                lo = mid + 1
        upper = float(special.bdtrc(lo - 1, n, p)) if lo <= n else 0.0
        return min(1.0, float(special.bdtr(k, n, p)) + upper)
    lo, hi = -1, mode  # the lower tail ends at the last i <= mode with pmf(i) <= pmf(k)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if _log_pmf(mid, n, p) <= limit:
            lo = mid
        else:
            hi = mid - 1
    lower = float(special.bdtr(lo, n, p)) if lo >= 0 else 0.0
    return min(1.0, lower + float(special.bdtrc(k - 1, n, p)))


def clopper_pearson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (Clopper-Pearson) interval of a binomial proportion, from the inverse beta function."""
    from scipy import special

    alpha = 1 - confidence
    low = 0.0 if k == 0 else float(special.betaincinv(k, n - k + 1, alpha / 2))
    high = 1.0 if k == n else float(special.betaincinv(k + 1, n - k, 1 - alpha / 2))
    return low, high


@dataclass(frozen=True)
class RateRatio:
    """``ratio`` is rate B / rate A; ``ci_low``/``ci_high`` its exact interval at ``confidence``."""

    count_a: int
    count_b: int
    exposure_a: float
    exposure_b: float
    ratio: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    confidence: float
    test: str = "exact conditional binomial test of two Poisson rates (two-sided)"


def rate_ratio(count_a: int, exposure_a: float, count_b: int, exposure_b: float,
               confidence: float = 0.95) -> RateRatio:
    """Rate ratio B/A with an exact confidence interval and p-value (see module docstring).

    With no events in either period nothing can be said: every figure is None. With events only in
    B the ratio is infinite and the interval open above (``ci_high`` is ``inf``).
    """
    n = count_a + count_b
    if n == 0 or exposure_a <= 0 or exposure_b <= 0:
        return RateRatio(count_a, count_b, exposure_a, exposure_b, None, None, None, None, confidence)
    share_b = exposure_b / (exposure_a + exposure_b)
    ci_low, ci_high = clopper_pearson(count_b, n, confidence)
    scale = exposure_a / exposure_b

    def to_ratio(p: float) -> float:
        return math.inf if p >= 1 else p / (1 - p) * scale

    ratio = math.inf if count_a == 0 else (count_b / exposure_b) / (count_a / exposure_a)
    return RateRatio(count_a, count_b, exposure_a, exposure_b, ratio, to_ratio(ci_low), to_ratio(ci_high),
                     binomial_p_two_sided(count_b, n, share_b), confidence)


def rate_p_value(count_a: int, exposure_a: float, count_b: int, exposure_b: float) -> float | None:
    """The two-sided p-value of :func:`rate_ratio` alone (no interval), for long series."""
    n = count_a + count_b
    if n == 0 or exposure_a <= 0 or exposure_b <= 0:
        return None
    return binomial_p_two_sided(count_b, n, exposure_b / (exposure_a + exposure_b))


def surge_p_value(current: int, baseline_total: int, baseline_periods: int) -> float:
    """One-sided exact test that the current period's rate exceeds the baseline's.

    Conditional binomial test: under equal rates, ``current ~ Binomial(current + baseline_total,
    1 / (1 + baseline_periods))``; p is the upper tail. It accounts for the baseline being itself
    an estimate, unlike a Poisson test against a fixed mean.
    """
    from scipy import special

    n = current + baseline_total
    if n == 0 or current == 0:
        return 1.0
    return float(special.bdtrc(current - 1, n, 1 / (1 + baseline_periods)))


def negbin_p_value(current: int, baseline_counts: Sequence[int]) -> tuple[float | None, float | None]:
    """Upper-tail p-value of ``current`` under a negative binomial fitted to the baseline counts.

    Returns ``(p, r)``; ``r`` is the dispersion (None when the baseline shows no overdispersion and
    the Poisson tail is used instead). A baseline of all zeros fits no distribution: p is None (the
    conditional binomial test still applies).
    """
    from scipy import special

    k = len(baseline_counts)
    if current <= 0:
        return 1.0, None
    mean = sum(baseline_counts) / k if k else 0.0
    if mean == 0:
        return None, None
    var = sum((c - mean) ** 2 for c in baseline_counts) / (k - 1) if k > 1 else mean
    if var <= mean:
        return float(special.pdtrc(current - 1, mean)), None
    r = mean * mean / (var - mean)
    # P(X >= current) for NB(r, p=r/(r+mean)) is the regularised incomplete beta I_{1-p}(current, r)
    return float(special.betainc(current, r, mean / (r + mean))), r


def wilson_interval(successes: int, total: int, confidence: float = 0.95) -> tuple[float | None, float | None]:
    """Wilson score interval for a share; (None, None) when there is nothing to share."""
    from scipy import special

    if total <= 0:
        return None, None
    z = float(special.ndtri(1 - (1 - confidence) / 2))  # the normal quantile (scipy.stats.norm.ppf)
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


TREND_BANDS: tuple[tuple[str, str], ...] = (
    ("large increase", "more than +25%"),
    ("moderate increase", "+10% to +25%"),
    ("limited change", "-25% to +10%"),
    ("large decrease", "less than -25%"),
)


def trend_band(pct_change: float | None) -> str | None:
    """ACLED's trend band for a percentage change (e.g. 30.0 for +30%).

    ACLED's published bands: large increase (> +25%), moderate increase (+10% to +25%), limited
    change (-25% to +10%), large decrease (< -25%). Boundaries: +25% is moderate, +10% is limited,
    -25% is limited. An increase from zero is a large increase; None when there is no baseline.
    """
    if pct_change is None:
        return None
    if math.isinf(pct_change):
        return "large increase"
    if pct_change > 25:
        return "large increase"
    if pct_change > 10:
        return "moderate increase"
    if pct_change >= -25:
        return "limited change"
    return "large decrease"


def pct_change(current: float, baseline: float) -> float | None:
    if baseline == 0:
        return None if current == 0 else math.inf
    return (current - baseline) / baseline * 100
