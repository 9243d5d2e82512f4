package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.kernel.ChargeCategory;

import java.math.BigDecimal;

/**
 * Sums one user's benefits over a window, transaction by transaction, each at the pricing valid
 * at its own date, so that a past report never changes when rates change later.
 * <ul>
 * <li>a charge's revenue is its amount in zephycoins (sign turned: spending is revenue) times the
 * zephycoin price, converted to the report's currency; computation slices and toolchain fixed
 * prices are {@code factured_computation}, storage is {@code factured_storage}; manual
 * consumptions are neither;</li>
 * <li>a cancellation is a transaction of the opposite amount, in the canceled charge's category:
 * it takes the revenue (and, through {@link #providerCost}, the cost) back out, in the window of
 * the cancellation, so a charge canceled in the same window leaves both out and windows add up;</li>
 * <li>{@code computation_cost} is what providers charged for the slices billed in the window,
 * converted at the slice's date.</li>
 * </ul>
 */
public final class BenefitsLedger {

    private final String currency;
    private BigDecimal computationCost = BigDecimal.ZERO;
    private BigDecimal facturedComputation = BigDecimal.ZERO;
    private BigDecimal facturedStorage = BigDecimal.ZERO;
    private BigDecimal openfoamCommission = BigDecimal.ZERO;

    public BenefitsLedger(String currency) {
        this.currency = currency;
    }

    /** A ledger transaction: {@code signedZephycoins} is negative for a charge, positive for its reversal. */
    public BenefitsLedger transaction(ChargeCategory category, BigDecimal signedZephycoins, PricingAt pricing) {
        if (category == null || category == ChargeCategory.MANUAL) {
            return this;
        }
        BigDecimal revenue = pricing.valueOf(signedZephycoins.negate(), currency);
        if (category == ChargeCategory.STORAGE) {
            facturedStorage = facturedStorage.add(revenue);
        } else {
            facturedComputation = facturedComputation.add(revenue);
            openfoamCommission = openfoamCommission.add(revenue.multiply(pricing.openfoamDonations(), PricingAt.PRECISION));
        }
        return this;
    }

    /** What a provider charged for one slice ({@code amount} negative for a canceled slice). */
    public BenefitsLedger providerCost(BigDecimal amount, String providerCurrency, PricingAt pricing) {
        computationCost = computationCost.add(pricing.convert(amount, providerCurrency, currency));
        return this;
    }

    public Benefits result(long userId, String login, String email) {
        return new Benefits(userId, login, email, currency, Benefits.shown(computationCost),
                Benefits.shown(facturedComputation), Benefits.shown(facturedStorage),
                Benefits.shown(openfoamCommission),
                Benefits.shown(Benefits.benefits(computationCost, facturedComputation, facturedStorage,
                        openfoamCommission)));
    }
}
