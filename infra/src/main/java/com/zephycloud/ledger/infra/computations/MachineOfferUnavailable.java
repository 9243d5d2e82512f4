package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.infra.http.ApiException;
import org.springframework.http.HttpStatus;

/** The catalog has no such toolchain, provider or machine at the asked time: a 404 naming which. */
public class MachineOfferUnavailable extends ApiException {

    public enum Reason {
        UNKNOWN_TOOLCHAIN, UNKNOWN_PROVIDER, UNKNOWN_MACHINE
    }

    private final Reason reason;

    public MachineOfferUnavailable(Reason reason, String message) {
        super(HttpStatus.NOT_FOUND, message);
        this.reason = reason;
    }

    public static MachineOfferUnavailable unknownToolchain(String name) {
        return new MachineOfferUnavailable(Reason.UNKNOWN_TOOLCHAIN, "toolchain_name: no toolchain named '" + name + "'");
    }

    public static MachineOfferUnavailable unknownProvider(String name) {
        return new MachineOfferUnavailable(Reason.UNKNOWN_PROVIDER, "provider_name: no provider named '" + name + "'");
    }

    public static MachineOfferUnavailable unknownMachine(String provider, String name) {
        return new MachineOfferUnavailable(Reason.UNKNOWN_MACHINE, "machine_name: provider '" + provider
                + "' has no machine named '" + name + "'");
    }

    public Reason reason() {
        return reason;
    }
}
