package com.zephycloud.ledger.command.catalog;

import java.util.regex.Pattern;

/** The accepted forms of provider, machine, toolchain and currency names. */
public final class CatalogNames {

    private static final Pattern PROVIDER = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    private static final Pattern MACHINE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Pattern TOOLCHAIN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");
    private static final Pattern CURRENCY = Pattern.compile("^[a-z]{2,32}$");

    private CatalogNames() {
    }

    public static void checkProvider(String name) {
        check(PROVIDER, name, "provider_name", "lowercase letters, digits, '_' or '-', like 'aws_eu'");
    }

    public static void checkMachine(String name) {
        check(MACHINE, name, "machine_name", "letters, digits, '.', '_' or '-', like 'c5.xlarge'");
    }

    public static void checkToolchain(String name) {
        check(TOOLCHAIN, name, "toolchain_name", "letters, digits, '.', '_' or '-', like 'upload_and_anal'");
    }

    public static void checkCurrency(String name) {
        check(CURRENCY, name, "currency", "a lowercase word, like 'dollar'");
    }

    private static void check(Pattern pattern, String value, String parameter, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(parameter + " '" + value + "' is not valid: use " + expected);
        }
    }
}
