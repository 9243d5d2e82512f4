package com.zephycloud.ledger.infra.api.scheduler;

import com.zephycloud.ledger.command.computations.MachineOffer;
import com.zephycloud.ledger.infra.api.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The {@link MachineOffers} the endpoints use. Until an adapter onto the catalog is configured,
 * submissions and quotes are refused with 503 rather than the server failing to start.
 */
@Component
public class MachineOfferCatalog {

    private final ObjectProvider<MachineOffers> offers;

    public MachineOfferCatalog(ObjectProvider<MachineOffers> offers) {
        this.offers = offers;
    }

    public MachineOffer find(String toolchain, String provider, String machine, Instant at) {
        MachineOffers catalog = offers.getIfAvailable();
        if (catalog == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the machine catalog is not connected: computations cannot be submitted or quoted");
        }
        return catalog.find(toolchain, provider, machine, at);
    }
}
