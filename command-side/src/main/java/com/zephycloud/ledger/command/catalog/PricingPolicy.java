package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.events.catalog.ExchangeRateSet;
import com.zephycloud.ledger.kernel.events.catalog.PricingConstantsChanged;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The one set of pricing inputs: constants and exchange rates. Its changes are appended in time
 * order (a change cannot take effect before one already scheduled), so that the inputs at the
 * latest change hold for all time after it: that is what lets a repricing apply them to every
 * later machine version. Commands reach it through {@link PricingChanges}.
 */
public class PricingPolicy {

    public static final String ID = "pricing:global";

    @AggregateIdentifier
    private String pricingId;
    private PricingConstants constants;
    private final Map<String, BigDecimal> rates = new HashMap<>();
    private Instant lastChange;

    public PricingPolicy() {
    }

    Instant changeConstants(ChangePricingConstants command) {
        if (command.change().isEmpty()) {
            throw new IllegalArgumentException("give at least one pricing constant to change");
        }
        Instant at = inOrder(command.requestedAt(), command.effectiveDate());
        PricingConstants next = command.change().applyTo(constants);
        if (!next.equals(constants)) {
            apply(new PricingConstantsChanged(next, at));
        }
        return at;
    }

    Instant setRate(SetExchangeRate command) {
        CatalogNames.checkCurrency(command.currency());
        if (PricingInputs.EURO.equals(command.currency())) {
            throw new IllegalArgumentException("currency: the euro is the reference currency, its rate is always 1");
        }
        if (command.rateToEuro() == null) {
            throw new IllegalArgumentException("rate_to_euro: is required, expected a positive number");
        }
        BigDecimal rate = Amounts.positive(command.rateToEuro(), "rate_to_euro");
        Instant at = inOrder(command.requestedAt(), command.effectiveDate());
        if (!rate.equals(rates.get(command.currency()))) {
            apply(new ExchangeRateSet(command.currency(), rate, at));
        }
        return at;
    }

    /** The inputs from the latest change on; null without constants. */
    PricingInputs inputs() {
        return constants == null ? null : new PricingInputs(constants, rates);
    }

    private Instant inOrder(Instant requestedAt, Instant effectiveDate) {
        Instant at = EffectiveTime.resolve(requestedAt, effectiveDate);
        if (lastChange != null && at.isBefore(lastChange)) {
            throw new IllegalStateException("a pricing change is scheduled at " + lastChange.getEpochSecond()
                    + "; a new pricing change must take effect at or after it");
        }
        return at;
    }

    @EventSourcingHandler
    void on(PricingConstantsChanged event) {
        pricingId = ID;
        constants = event.constants();
        lastChange = event.effectiveAt();
    }

    @EventSourcingHandler
    void on(ExchangeRateSet event) {
        pricingId = ID;
        rates.put(event.currency(), event.rateToEuro());
        lastChange = event.effectiveAt();
    }
}
