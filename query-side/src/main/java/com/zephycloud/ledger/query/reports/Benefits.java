package com.zephycloud.ledger.query.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One user's line of {@code reports/benefits}, all amounts in {@code currency}. The formula,
 * derived from the reference's example (docs/reports.md, "Benefits"):
 * <pre>
 * openfoam_commission = Σ factured_computation × openfoam_donations
 * benefits            = factured_computation + factured_storage − computation_cost − openfoam_commission
 * </pre>
 * The amounts shown are rounded half-even to {@value #SCALE} decimals, once, at the end.
 */
public record Benefits(long userId,
                       String login,
                       String email,
                       String currency,
                       BigDecimal computationCost,
                       BigDecimal facturedComputation,
                       BigDecimal facturedStorage,
                       BigDecimal openfoamCommission,
                       BigDecimal benefits) {

    public static final int SCALE = 9;

    public static BigDecimal benefits(BigDecimal computationCost, BigDecimal facturedComputation,
                                      BigDecimal facturedStorage, BigDecimal openfoamCommission) {
        return facturedComputation.add(facturedStorage).subtract(computationCost).subtract(openfoamCommission);
    }

    static BigDecimal shown(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
    }
}
