// Dates and zephycoins as the console shows them. The API speaks UTC epoch seconds and exact decimals.

/** An epoch second as "2026-12-02 18:32:09" (UTC); empty for null. */
export function dateTime(epochSeconds) {
    if (epochSeconds === null || epochSeconds === undefined) {
        return '';
    }
    return new Date(epochSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

/** An epoch second as the day "2026-12-02" (UTC). */
export function day(epochSeconds) {
    return dateTime(epochSeconds).slice(0, 10);
}

/**
 * What a person typed in a date field, for the API: "2026-12-02", "2026-12-02 18:30[:00]" (UTC)
 * or epoch seconds become epoch seconds; anything else is sent as typed, so that the API's own
 * message says what is wrong with it. Empty stays empty (the API's default).
 */
export function dateParam(text) {
    const value = (text || '').trim();
    if (value === '' || /^\d+$/.test(value)) {
        return value;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
    if (!match) {
        return value;
    }
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
    const millis = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const check = new Date(millis);
    // Date.UTC rolls 2026-02-31 over to March: such a date is not a date, let the API refuse it.
    return check.getUTCMonth() === +mo - 1 && check.getUTCDate() === +d ? String(millis / 1000) : value;
}

/** Exact sum of API amounts (at most 8 decimals each), as a decimal string: no binary rounding. */
export function sumCoins(amounts) {
    let units = 0n;
    for (const amount of amounts) {
        units += toUnits(amount);
    }
    return fromUnits(units);
}

const SCALE = 100000000n;

function toUnits(amount) {
    const text = typeof amount === 'number' ? amount.toFixed(8) : String(amount);
    const negative = text.startsWith('-');
    const [whole, fraction = ''] = text.replace('-', '').split('.');
    const units = BigInt(whole) * SCALE + BigInt((fraction + '00000000').slice(0, 8));
    return negative ? -units : units;
}

function fromUnits(units) {
    const negative = units < 0n;
    const magnitude = negative ? -units : units;
    const fraction = (magnitude % SCALE).toString().padStart(8, '0').replace(/0+$/, '');
    return (negative ? '-' : '') + (magnitude / SCALE).toString() + (fraction ? '.' + fraction : '');
}
