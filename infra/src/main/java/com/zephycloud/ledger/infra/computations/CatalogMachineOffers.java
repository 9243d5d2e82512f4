package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.MachineOffer;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.catalog.FindMachineOffer;
import com.zephycloud.ledger.query.catalog.FindToolchain;
import com.zephycloud.ledger.query.catalog.ListProviders;
import com.zephycloud.ledger.query.catalog.ProviderPage;
import com.zephycloud.ledger.query.catalog.ToolchainView;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link MachineOffers} read from the catalog's point-in-time read models, through the query bus
 * (which first waits for the projections to catch up with earlier catalog changes). When there is
 * no offer, two more lookups say which of toolchain, provider or machine is unknown.
 */
@Component
public class CatalogMachineOffers implements MachineOffers {

    private final Queries queries;

    public CatalogMachineOffers(Queries queries) {
        this.queries = queries;
    }

    @Override
    public MachineOffer find(String toolchain, String provider, String machine, Instant at) {
        return queries.find(new FindMachineOffer(toolchain, provider, machine, at),
                        com.zephycloud.ledger.query.catalog.MachineOffer.class)
                .map(CatalogMachineOffers::toCommandSide)
                .orElseThrow(() -> unavailable(toolchain, provider, machine, at));
    }

    private MachineOfferUnavailable unavailable(String toolchain, String provider, String machine, Instant at) {
        if (queries.find(new FindToolchain(toolchain, at), ToolchainView.class).isEmpty()) {
            return MachineOfferUnavailable.unknownToolchain(toolchain);
        }
        boolean providerKnown = queries.ask(new ListProviders(at, Sort.NONE, Paging.ALL), ProviderPage.class).items()
                .stream().anyMatch(view -> view.name().equals(provider));
        return providerKnown ? MachineOfferUnavailable.unknownMachine(provider, machine)
                : MachineOfferUnavailable.unknownProvider(provider);
    }

    private static MachineOffer toCommandSide(com.zephycloud.ledger.query.catalog.MachineOffer offer) {
        Map<Rank, Zephycoins> prices = new EnumMap<>(Rank.class);
        offer.prices().asMap().forEach((rank, price) -> {
            if (price != null) {
                prices.put(rank, price);
            }
        });
        return new MachineOffer(offer.toolchainId(), offer.toolchain(), offer.fixedPrice(), offer.machineLimit(),
                offer.provider(), offer.machine(), offer.machineAllowed(), offer.cores(), prices,
                offer.priceSecGranularity(), offer.priceMinSecGranularity(), offer.costPerHour(), offer.costCurrency(),
                offer.costSecGranularity(), offer.costMinSecGranularity());
    }
}
