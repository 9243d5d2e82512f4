package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.MachineOffer;
import com.zephycloud.ledger.command.computations.OfferRules;
import com.zephycloud.ledger.command.computations.SlicePlan;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * Admin API, {@code computations/quote}: what a computation would cost before it is submitted —
 * the toolchain's fixed price plus the slices covering {@code duration} seconds on
 * {@code nbr_machines} machines at the price of {@code rank}, with the catalog as of {@code date}
 * (default now). Computed with the same slice rule as billing.
 */
@RestController
@RequestMapping("/admin/computations")
public class QuoteEndpoint {

    /** The answer; amounts in zephycoins, durations in seconds. */
    public record Quote(String toolchainName, String provider, String machine, int nbrMachines, String rank,
                        long duration, long date, Zephycoins fixedPrice, Zephycoins pricePerHourPerMachine,
                        int priceMinSecGranularity, int priceSecGranularity, long nbrSlices, long billedSeconds,
                        Zephycoins computingPrice, Zephycoins totalPrice) {
    }

    private final MachineOffers offers;
    private final Clock clock;

    public QuoteEndpoint(MachineOffers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @RequestMapping(path = "/quote", method = {GET, POST})
    public ApiResponse quote(ApiParams params) {
        String toolchain = params.requiredText("toolchain_name");
        String provider = params.requiredText("provider_name");
        String machine = params.requiredText("machine_name");
        Integer nbrMachines = params.optionalInt("nbr_machines", 1);
        Integer duration = params.optionalInt("duration", 0);
        if (duration == null && !params.has("duration")) {
            params.reject("duration: is required, expected a number of seconds (0 or more)");
        }
        Rank rank = params.requiredChoice("rank", Rank::parse, "one of: " + Rank.ALLOWED);
        Instant date = params.optionalEpochSeconds("date");
        params.done();
        Instant at = date == null ? clock.instant() : date;
        int machines = nbrMachines == null ? 1 : nbrMachines;
        MachineOffer offer = offers.find(toolchain, provider, machine, at);
        OfferRules.check(offer, machines);
        SlicePlan plan = offer.slicePlan(rank, machines);
        long slices = plan.slicesFor(Duration.ofSeconds(duration));
        Zephycoins computing = plan.priceOf(Duration.ofSeconds(duration));
        return ApiResponse.ok(new Quote(offer.toolchainName(), offer.provider(), offer.machine(), machines, rank.json(),
                duration, at.getEpochSecond(), offer.fixedPrice(), plan.pricePerHour(), plan.minSeconds(),
                plan.seconds(), slices, plan.startOffset(slices), computing, offer.fixedPrice().plus(computing)));
    }
}
