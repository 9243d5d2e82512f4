package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.kernel.ChargeCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference's example of reports/benefits, rebuilt from transactions with its pricing constants. */
class BenefitsLedgerTest {

    /** The reference's pricing constants: a zephycoin is 4 euros, 5 % to OpenFOAM, dollar at 0.85 euro. */
    private static final PricingAt REFERENCE = new PricingAt(new BigDecimal("4.0"), "euro",
            Map.of("dollar", new BigDecimal("0.85"), "euro", new BigDecimal("1.0"), "yuan", new BigDecimal("0.13")),
            new BigDecimal("0.05"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theReferenceExampleOfTristan() {
        Benefits tristan = new BenefitsLedger("euro")
                .transaction(ChargeCategory.FIXED_PRICE, d("-0.5"), REFERENCE)
                .transaction(ChargeCategory.COMPUTATION, d("-10.118992"), REFERENCE)
                .transaction(ChargeCategory.STORAGE, d("-18000"), REFERENCE)
                .transaction(ChargeCategory.STORAGE, d("-491.45"), REFERENCE)
                .providerCost(d("20"), "dollar", REFERENCE)
                .providerCost(d("0.55051972"), "dollar", REFERENCE)
                .result(1, "tristan", "tristan@yopmail.com");

        assertThat(tristan.computationCost()).isEqualByComparingTo("17.467941762");
        assertThat(tristan.facturedComputation()).isEqualByComparingTo("42.475968");
        assertThat(tristan.facturedStorage()).isEqualByComparingTo("73965.8");
        assertThat(tristan.openfoamCommission()).isEqualByComparingTo("2.1237984");
        assertThat(tristan.benefits()).isEqualByComparingTo("73988.684227838");
    }

    @Test
    void theReferenceExampleOfSam() {
        Benefits sam = new BenefitsLedger("euro")
                .transaction(ChargeCategory.COMPUTATION, d("-3.986565"), REFERENCE)
                .transaction(ChargeCategory.STORAGE, d("-12151.45"), REFERENCE)
                .providerCost(d("5.0666761"), "dollar", REFERENCE)
                .result(2, "sam", "samuel.deal@aziugo.com");

        assertThat(sam.computationCost()).isEqualByComparingTo("4.306674685");
        assertThat(sam.facturedComputation()).isEqualByComparingTo("15.94626");
        assertThat(sam.facturedStorage()).isEqualByComparingTo("48605.8");
        assertThat(sam.openfoamCommission()).isEqualByComparingTo("0.797313");
        assertThat(sam.benefits()).isEqualByComparingTo("48616.642272315");
    }

    @Test
    void theFormulaAlone() {
        assertThat(Benefits.benefits(d("17.467941762"), d("42.475968"), d("73965.8"), d("2.1237984")))
                .isEqualByComparingTo("73988.684227838");
    }

    @Test
    void aChargeCanceledInTheWindowLeavesBothRevenueAndCostOut() {
        Benefits benefits = new BenefitsLedger("euro")
                .transaction(ChargeCategory.COMPUTATION, d("-2"), REFERENCE)
                .providerCost(d("1"), "dollar", REFERENCE)
                .transaction(ChargeCategory.COMPUTATION, d("2"), REFERENCE)
                .providerCost(d("-1"), "dollar", REFERENCE)
                .result(3, "x", "x@example.com");

        assertThat(benefits.facturedComputation()).isZero();
        assertThat(benefits.openfoamCommission()).isZero();
        assertThat(benefits.computationCost()).isZero();
        assertThat(benefits.benefits()).isZero();
    }

    @Test
    void eachTransactionIsValuedAtThePricingOfItsOwnDate() {
        PricingAt later = new PricingAt(new BigDecimal("5.0"), "euro", Map.of("euro", BigDecimal.ONE,
                "dollar", new BigDecimal("0.5")), new BigDecimal("0.10"));
        Benefits benefits = new BenefitsLedger("dollar")
                .transaction(ChargeCategory.COMPUTATION, d("-1"), REFERENCE) // 4 € = 4.705882352941… $
                .transaction(ChargeCategory.COMPUTATION, d("-1"), later)     // 5 € = 10 $
                .result(4, "x", "x@example.com");

        assertThat(benefits.currency()).isEqualTo("dollar");
        assertThat(benefits.facturedComputation()).isEqualByComparingTo("14.705882353");
        assertThat(benefits.openfoamCommission()).isEqualByComparingTo("1.235294118"); // 0.235294… + 1
    }

    @Test
    void manualConsumptionsAreNeitherComputationNorStorage() {
        Benefits benefits = new BenefitsLedger("euro")
                .transaction(ChargeCategory.MANUAL, d("-100"), REFERENCE)
                .transaction(null, d("100"), REFERENCE)
                .result(5, "x", "x@example.com");
        assertThat(benefits.benefits()).isZero();
    }

    @Test
    void aCurrencyWithoutRateIsRefused() {
        assertThatThrownBy(() -> REFERENCE.convert(BigDecimal.ONE, "euro", "pound"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no positive rate to euro for currency 'pound'");
    }
}
